package dev.ferry.transfer;

/**
 * The data connection could not be opened in the configured {@link TransferMode}.
 */
final class DataConnectionException extends TransferException {

	DataConnectionException(String message) {
		this(message, null);
	}

	DataConnectionException(String message, Throwable cause) {
		super(TransferPhase.DATA_CONNECTION, message, cause);
	}

}
