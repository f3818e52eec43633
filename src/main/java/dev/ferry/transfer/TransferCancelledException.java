package dev.ferry.transfer;

/**
 * The transfer stopped because its {@link Cancellation} was cancelled. Never transient.
 */
public final class TransferCancelledException extends TransferException {

	TransferCancelledException(String message) {
		super(TransferPhase.TRANSFER, message, null);
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
