package dev.ferry.transfer;

/**
 * A command after login failed: type, directories, storing, completing or renaming.
 */
final class FtpTransferException extends TransferException {

	FtpTransferException(String message) {
		this(message, null);
	}

	FtpTransferException(String message, Throwable cause) {
		super(TransferPhase.TRANSFER, message, cause);
	}

	/**
	 * @param replyCode the server's refusing reply
	 */
	FtpTransferException(String message, int replyCode) {
		super(TransferPhase.TRANSFER, message, null, replyCode);
	}

}
