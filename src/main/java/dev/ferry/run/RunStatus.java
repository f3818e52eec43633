package dev.ferry.run;

/**
 * Where a run stands. A run starts {@link #RUNNING} and ends in exactly one of the other
 * states; an ended run never changes again.
 */
public enum RunStatus {

	/** Archiving and uploading are under way. */
	RUNNING,
	/** The archive is on the server under its final name. */
	SUCCEEDED,
	/** The run stopped on an error, recorded with the run. */
	FAILED,
	/** The service stopped while the run was under way. */
	INTERRUPTED,
	/** A user stopped the run. */
	CANCELLED;

	public boolean isTerminal() {
		return this != RUNNING;
	}

	/** Whether a run in this state may move to {@code next}. */
	public boolean canBecome(RunStatus next) {
		return this == RUNNING && next.isTerminal();
	}

	/**
	 * Returns {@code next} when this state may move to it.
	 * @throws IllegalStateException otherwise
	 */
	RunStatus moveTo(RunStatus next) {
		if (!canBecome(next)) {
			throw new IllegalStateException("A run cannot go from " + this + " to " + next);
		}
		return next;
	}

}
