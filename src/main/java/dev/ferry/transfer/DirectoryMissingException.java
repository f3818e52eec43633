package dev.ferry.transfer;

/**
 * A remote directory that was to be entered without being created could not be: it does
 * not exist, or the user may not enter it (the server's reply does not tell the two
 * apart).
 */
public final class DirectoryMissingException extends TransferException {

	DirectoryMissingException(String message, int replyCode) {
		super(TransferPhase.TRANSFER, message, null, replyCode);
	}

}
