package dev.ferry.run;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How far a run got, as recorded: its phase and counters, written at each heartbeat while
 * it runs and once more when it ends.
 */
@Embeddable
class RunCounters {

	/**
	 * What the run is doing, or what it did last when it ended; {@code null} after a
	 * success.
	 */
	@Enumerated(EnumType.STRING)
	private RunPhase phase;

	private long filesArchived;

	private long bytesRead;

	private long bytesUploaded;

	/** Bytes of the files in the sources, from a quick scan before archiving. */
	private Long estimatedTotalBytes;

	protected RunCounters() {
	}

	private RunCounters(RunPhase phase, long filesArchived, long bytesRead, long bytesUploaded,
			Long estimatedTotalBytes) {
		this.phase = phase;
		this.filesArchived = filesArchived;
		this.bytesRead = bytesRead;
		this.bytesUploaded = bytesUploaded;
		this.estimatedTotalBytes = estimatedTotalBytes;
	}

	/** A run that has not done anything yet. */
	static RunCounters none(RunPhase phase) {
		return new RunCounters(phase, 0, 0, 0, null);
	}

	/** A run under way or stopped, as far as it got. */
	static RunCounters of(RunProgress.Snapshot progress) {
		return new RunCounters(progress.phase(), progress.filesArchived(), progress.bytesRead(),
				progress.bytesUploaded(), progress.estimatedTotalBytes());
	}

	/** A run that succeeded: in no phase any more. */
	static RunCounters of(RunOutcome outcome) {
		return new RunCounters(null, outcome.filesArchived(), outcome.bytesRead(), outcome.bytesUploaded(),
				outcome.estimatedTotalBytes());
	}

	/** The counters as a live run's progress would give them. */
	RunProgress.Snapshot snapshot() {
		return new RunProgress.Snapshot(this.phase, this.filesArchived, this.bytesRead, this.bytesUploaded,
				this.estimatedTotalBytes);
	}

	RunPhase phase() {
		return this.phase;
	}

	long bytesUploaded() {
		return this.bytesUploaded;
	}

}
