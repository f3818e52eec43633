package dev.ferry.run;

import dev.ferry.archive.SourceException;
import dev.ferry.transfer.TransferException;

/**
 * Why a run failed, in the words stored on the run: the failure phase as the type, and a
 * message that explains itself.
 */
record RunFailure(String type, String message) {

	static RunFailure of(Throwable failure) {
		if (failure instanceof TransferException transfer) {
			return new RunFailure(transfer.phase().name(), transfer.getMessage());
		}
		if (failure instanceof SourceException source) {
			return new RunFailure("SOURCE", source.getMessage());
		}
		String message = (failure.getMessage() != null) ? failure.getMessage() : "(no message)";
		return new RunFailure("INTERNAL", "Unexpected " + failure.getClass().getSimpleName() + ": " + message);
	}

}
