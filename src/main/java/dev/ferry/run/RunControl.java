package dev.ferry.run;

import dev.ferry.transfer.Cancellation;

/**
 * A run under way in this service: its progress, and the means to stop it.
 */
final class RunControl {

	private final long jobId;

	private final long runId;

	private final RunProgress progress = new RunProgress();

	private final Cancellation cancellation = new Cancellation();

	RunControl(long jobId, long runId) {
		this.jobId = jobId;
		this.runId = runId;
	}

	long jobId() {
		return this.jobId;
	}

	long runId() {
		return this.runId;
	}

	RunProgress progress() {
		return this.progress;
	}

	Cancellation cancellation() {
		return this.cancellation;
	}

	/** Asks the run to stop: the transfer is aborted and the partial upload removed. */
	void cancel() {
		this.cancellation.cancel();
	}

	boolean isCancelled() {
		return this.cancellation.isCancelled();
	}

}
