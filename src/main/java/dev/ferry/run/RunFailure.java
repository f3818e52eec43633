package dev.ferry.run;

import dev.ferry.archive.SourceException;
import dev.ferry.job.UnreadablePasswordException;
import dev.ferry.transfer.TransferException;

/**
 * Why a run did not succeed, in the words stored on the run: its type, a message that
 * explains itself, and whether trying again later may help.
 *
 * @param transientFailure a failure of the network or a busy server (connection refused,
 * reset or timed out; 421, 425, 426, 450, 451), or an interruption: worth a retry; never
 * one that a retry would only hide (wrong password, permissions, full disk, certificate,
 * missing source)
 */
record RunFailure(FailureType type, String message, boolean transientFailure) {

	private static final String STOPPED = "The service stopped while this run was under way; the upload did not complete.";

	/**
	 * What stopped a run under way here.
	 * @param failure what the backup threw
	 * @param control the run's control: whether it was cancelled, and how far it got
	 * @param stopping whether the service is stopping
	 */
	static RunFailure of(Throwable failure, RunControl control, boolean stopping) {
		FailureType type = control.isCancelled() ? FailureType.CANCELLED
				: stopping ? FailureType.INTERRUPTED : typeOf(failure);
		return new RunFailure(type, messageOf(type, failure, control), type.isTransient(failure));
	}

	private static FailureType typeOf(Throwable failure) {
		if (failure instanceof TransferException transfer) {
			return FailureType.of(transfer.phase());
		}
		if (failure instanceof UnreadablePasswordException) {
			return FailureType.SECRET;
		}
		if (failure instanceof SourceException) {
			return FailureType.SOURCE;
		}
		return FailureType.INTERNAL;
	}

	private static String messageOf(FailureType type, Throwable failure, RunControl control) {
		return switch (type) {
			case CANCELLED -> cancelled(failure, control.progress().snapshot());
			case INTERRUPTED -> STOPPED;
			case INTERNAL -> "Unexpected " + failure.getClass().getSimpleName() + ": "
					+ ((failure.getMessage() != null) ? failure.getMessage() : "(no message)");
			default -> failure.getMessage();
		};
	}

	private static String cancelled(Throwable failure, RunProgress.Snapshot progress) {
		// an unclear outcome stays what it is: "nothing was published" would claim too
		// much
		boolean unclear = failure instanceof TransferException transfer && transfer.mayHavePublished();
		return "Cancelled on request while " + progress.phase() + ", after " + progress.bytesUploaded()
				+ " bytes were uploaded. " + (unclear ? failure.getMessage()
						: "No archive was published; the transcript shows the partial upload being removed.");
	}

}
