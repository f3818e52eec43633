package dev.ferry.transfer;

/**
 * The server refused the user name or password.
 */
final class FtpLoginException extends TransferException {

	FtpLoginException(String message) {
		this(message, null);
	}

	FtpLoginException(String message, Throwable cause) {
		super(TransferPhase.LOGIN, message, cause);
	}

	/**
	 * @param replyCode the server's refusing reply
	 */
	FtpLoginException(String message, int replyCode) {
		super(TransferPhase.LOGIN, message, null, replyCode);
	}

}
