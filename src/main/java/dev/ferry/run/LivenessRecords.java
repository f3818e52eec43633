package dev.ferry.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@link Liveness} reads and writes in the run history, each its own short
 * transaction. Heartbeats, progress and cancel requests are updates that touch only their
 * own columns of a run still active, so they never undo an outcome written meanwhile.
 */
@Component
class LivenessRecords {

	private static final List<RunStatus> ACTIVE = List.of(RunStatus.QUEUED, RunStatus.RUNNING);

	private final RunRepository runs;

	private final Clock clock;

	private final String instance;

	LivenessRecords(RunRepository runs, Clock clock, RunProperties properties) {
		this.runs = runs;
		this.clock = clock;
		this.instance = properties.instanceId();
	}

	/** This service instance, as runs record their owner. */
	String instance() {
		return this.instance;
	}

	/** The job's run recorded as RUNNING or QUEUED, by any instance. */
	@Transactional(readOnly = true)
	Optional<BackupRun> activeRun(long jobId) {
		return this.runs.findFirstByJobIdAndStatusInOrderByIdDesc(jobId, ACTIVE);
	}

	/** Writes the progress of a run under way here, and that this instance is alive. */
	@Transactional
	void heartbeat(long runId, RunProgress.Snapshot progress) {
		this.runs.heartbeat(runId, this.clock.instant(), progress.phase(), progress.filesArchived(),
				progress.bytesRead(), progress.bytesUploaded(), progress.estimatedTotalBytes());
	}

	/**
	 * Writes that this instance is alive for those of the runs that are still queued
	 * here, so that the stale-run check leaves them alone as it does running ones.
	 */
	@Transactional
	void heartbeatQueued(List<Long> runIds) {
		if (!runIds.isEmpty()) {
			this.runs.heartbeatQueued(runIds, this.clock.instant());
		}
	}

	/** Asks for a run to stop; false when it is no longer running. */
	@Transactional
	boolean requestCancel(long runId) {
		return this.runs.requestCancel(runId) > 0;
	}

	/** Which of the given runs someone asked to stop. */
	@Transactional(readOnly = true)
	List<Long> cancelRequested(List<Long> runIds) {
		return runIds.isEmpty() ? List.of() : this.runs.cancelRequested(runIds);
	}

	/**
	 * Closes runs that can never finish: at start-up, those this instance left RUNNING or
	 * QUEUED when it stopped; at any time, those whose instance stopped sending
	 * heartbeats.
	 * @param mine whether to include every run owned by this instance
	 * @param staleBefore heartbeats older than this mean the owner is gone
	 * @param here runs under way or queued here, never closed
	 * @return the runs closed
	 */
	@Transactional
	List<BackupRun> interruptAbandoned(boolean mine, Instant staleBefore, List<Long> here) {
		List<BackupRun> abandoned = new ArrayList<>(this.runs.findStale(staleBefore));
		if (mine) {
			this.runs.findByStatusIn(ACTIVE)
				.stream()
				.filter((run) -> isMine(run) || run.getOwner() == null)
				.filter((run) -> !abandoned.contains(run))
				.forEach(abandoned::add);
		}
		abandoned.removeIf((run) -> here.contains(run.getId()));
		Instant now = this.clock.instant();
		for (BackupRun run : abandoned) {
			run.end(FailureType.INTERRUPTED, whyAbandoned(run), now, null, null, List.of());
		}
		return abandoned;
	}

	/** Whether this instance owns the run. */
	boolean isMine(BackupRun run) {
		return Objects.equals(run.getOwner(), this.instance);
	}

	private String whyAbandoned(BackupRun run) {
		boolean own = isMine(run);
		if (run.getStatus() == RunStatus.QUEUED) {
			return (own ? "The service stopped" : "Its instance (" + run.getOwner() + ") went quiet")
					+ " before this queued run started; nothing was uploaded.";
		}
		return own
				? "The service stopped while this run was under way; the upload did not complete. "
						+ "The next run starts afresh."
				: "The instance running it (" + run.getOwner() + ") stopped sending heartbeats (last at "
						+ run.getHeartbeatAt() + "); it probably stopped or lost its node. "
						+ "The upload did not complete; the next run starts afresh.";
	}

}
