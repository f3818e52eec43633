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
		if (control.isCancelled()) {
			RunProgress.Snapshot progress = control.progress().snapshot();
			boolean unclear = failure instanceof TransferException transfer && transfer.mayHavePublished();
			return new RunFailure(FailureType.CANCELLED, "Cancelled on request while " + progress.phase() + ", after "
					+ progress.bytesUploaded() + " bytes were uploaded. "
					+ (unclear ? failure.getMessage()
							: "No archive was published; the transcript shows the partial upload being removed."),
					false);
		}
		if (stopping) {
			return new RunFailure(FailureType.INTERRUPTED, STOPPED, true);
		}
		FailureType type = typeOf(failure);
		return new RunFailure(type, messageOf(type, failure), type.isTransient(failure));
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

	private static String messageOf(FailureType type, Throwable failure) {
		if (!type.isBug()) {
			return failure.getMessage();
		}
		String message = (failure.getMessage() != null) ? failure.getMessage() : "(no message)";
		return "Unexpected " + failure.getClass().getSimpleName() + ": " + message;
	}

}
