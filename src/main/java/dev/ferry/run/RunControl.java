package dev.ferry.run;

import java.util.function.BooleanSupplier;

import dev.ferry.transfer.Cancellation;

/**
 * A job held for one run of this service (see {@link Liveness#claim}): the run's id once
 * it is recorded, its progress, the means to stop it, and while it waits for a worker the
 * means to take it out of the queue.
 */
final class RunControl {

	/** The run id before the run is recorded. */
	private static final long UNRECORDED = -1;

	private final long jobId;

	private volatile long runId = UNRECORDED;

	private final RunProgress progress = new RunProgress();

	private final Cancellation cancellation = new Cancellation();

	/** Takes the run out of the queue here; {@code null} unless it waits in one. */
	private volatile BooleanSupplier dequeue;

	RunControl(long jobId) {
		this.jobId = jobId;
	}

	long jobId() {
		return this.jobId;
	}

	/** The run's id, or -1 until it is recorded. */
	long runId() {
		return this.runId;
	}

	boolean isRecorded() {
		return this.runId != UNRECORDED;
	}

	/** The run is recorded: from now on its id is known. */
	void recorded(long runId) {
		this.runId = runId;
	}

	/**
	 * The run waits for a worker here.
	 * @param dequeue takes it out of that queue, true when it was still waiting there
	 */
	void waiting(BooleanSupplier dequeue) {
		this.dequeue = dequeue;
	}

	/** The run left the queue to start. */
	void leftQueue() {
		this.dequeue = null;
	}

	/** Whether the run waits for a worker here. */
	boolean isQueued() {
		return this.dequeue != null;
	}

	/**
	 * Takes the run out of the queue here: true when it was still waiting, never to
	 * start.
	 */
	boolean dequeue() {
		BooleanSupplier waiting = this.dequeue;
		return waiting != null && waiting.getAsBoolean();
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
