package dev.ferry.transfer;

/**
 * Base of all transfer failures. The message names the operation, {@code host:port}, the
 * remote path where relevant and the server's reply; it never contains a password.
 */
public abstract class TransferException extends RuntimeException {

	private final TransferPhase phase;

	TransferException(TransferPhase phase, String message, Throwable cause) {
		super(message, cause);
		this.phase = phase;
	}

	/**
	 * The phase in which the upload failed.
	 * @return the phase, never {@code null}
	 */
	public TransferPhase phase() {
		return this.phase;
	}

}
