package dev.ferry.transfer;

/**
 * The control connection could not be opened, or the server's greeting was not positive.
 */
final class FtpConnectException extends TransferException {

	FtpConnectException(String message) {
		this(message, null);
	}

	FtpConnectException(String message, Throwable cause) {
		super(TransferPhase.CONNECT, message, cause);
	}

}
