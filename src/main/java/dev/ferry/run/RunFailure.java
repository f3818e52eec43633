package dev.ferry.run;

import dev.ferry.archive.SourceException;
import dev.ferry.job.UnreadablePasswordException;
import dev.ferry.transfer.TransferException;

/**
 * Why a run failed, in the words stored on the run: the failure phase as the type, a
 * message that explains itself, and whether trying again later may help.
 *
 * @param transientFailure a failure of the network or a busy server (connection refused,
 * reset or timed out; 421, 425, 426, 450, 451), worth a retry; never one that a retry
 * would only hide (wrong password, permissions, full disk, certificate, missing source)
 */
record RunFailure(String type, String message, boolean transientFailure) {

	static RunFailure of(Throwable failure) {
		if (failure instanceof TransferException transfer) {
			return new RunFailure(transfer.phase().name(), transfer.getMessage(), transfer.isTransient());
		}
		if (failure instanceof UnreadablePasswordException secret) {
			return new RunFailure("SECRET", secret.getMessage(), false);
		}
		if (failure instanceof SourceException source) {
			return new RunFailure("SOURCE", source.getMessage(), false);
		}
		String message = (failure.getMessage() != null) ? failure.getMessage() : "(no message)";
		return new RunFailure("INTERNAL", "Unexpected " + failure.getClass().getSimpleName() + ": " + message, false);
	}

}
