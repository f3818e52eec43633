package dev.ferry.run;

/**
 * Where a run stands. A run "run now" could not start at once waits {@link #QUEUED} for a
 * worker; every other run starts {@link #RUNNING}. A queued run either starts or ends
 * without ever starting ({@link #CANCELLED}, {@link #INTERRUPTED}); a running run ends in
 * exactly one of the terminal states. An ended run never changes again.
 */
public enum RunStatus {

	/** Waiting for a free worker; nothing has been read or sent yet. */
	QUEUED {

		@Override
		public boolean canBecome(RunStatus next) {
			return next == RUNNING || next == CANCELLED || next == INTERRUPTED;
		}

	},
	/** Archiving and uploading are under way. */
	RUNNING {

		@Override
		public boolean canBecome(RunStatus next) {
			return next.isTerminal();
		}

	},
	/** The archive is on the server under its final name. */
	SUCCEEDED,
	/** The run stopped on an error, recorded with the run. */
	FAILED,
	/** The service stopped while the run was under way or queued. */
	INTERRUPTED,
	/** A user stopped the run, or cancelled it before it started. */
	CANCELLED;

	/** Whether the run has ended, for good. */
	public boolean isTerminal() {
		return this != QUEUED && this != RUNNING;
	}

	/** Whether the run holds its job: queued or running, so no other run of it starts. */
	public boolean isActive() {
		return !isTerminal();
	}

	/**
	 * Whether a run in this state may move to {@code next}; an ended run may not move.
	 */
	public boolean canBecome(RunStatus next) {
		return false;
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
