package dev.ferry.transfer;

/**
 * TLS failed: the handshake, the server's certificate or host name, or the server refused
 * {@code AUTH TLS}, {@code PBSZ} or {@code PROT P}.
 */
final class FtpTlsException extends TransferException {

	FtpTlsException(String message) {
		this(message, null);
	}

	FtpTlsException(String message, Throwable cause) {
		super(TransferPhase.TLS, message, cause);
	}

}
