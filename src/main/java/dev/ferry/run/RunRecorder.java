package dev.ferry.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.ferry.job.BackupJob;
import dev.ferry.system.NotFoundException;
import dev.ferry.transfer.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes run history: each change of a run is its own short transaction, so no database
 * transaction stays open while a backup streams. Progress and heartbeats are written with
 * updates that only touch their own columns of a run still RUNNING, so they never undo an
 * outcome written meanwhile.
 */
@Component
class RunRecorder {

	private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

	private static final List<RunStatus> ACTIVE = List.of(RunStatus.QUEUED, RunStatus.RUNNING);

	private final RunRepository runs;

	private final RunTranscriptRepository transcripts;

	private final Clock clock;

	private final String instance;

	RunRecorder(RunRepository runs, RunTranscriptRepository transcripts, Clock clock, RunProperties properties) {
		this.runs = runs;
		this.transcripts = transcripts;
		this.clock = clock;
		this.instance = properties.instanceId();
	}

	/** This service instance, as runs record their owner. */
	String instance() {
		return this.instance;
	}

	@Transactional
	BackupRun start(BackupJob job, RunTrigger trigger, Attempt attempt) {
		return this.runs
			.save(new BackupRun(job.getId(), job.getName(), trigger, attempt, this.instance, this.clock.instant()));
	}

	/** Records a run that waits for a worker: {@code QUEUED}, with no start time yet. */
	@Transactional
	BackupRun queue(BackupJob job, RunTrigger trigger, Attempt attempt) {
		return this.runs
			.save(BackupRun.queued(job.getId(), job.getName(), trigger, attempt, this.instance, this.clock.instant()));
	}

	/**
	 * Starts a queued run now (its {@code startedAt}, which names its archive); empty
	 * when it is no longer queued, e.g. it was cancelled from another instance meanwhile.
	 */
	@Transactional
	Optional<BackupRun> startQueued(long runId) {
		if (this.runs.startQueued(runId, RunStatus.QUEUED.moveTo(RunStatus.RUNNING), this.clock.instant()) == 0) {
			return Optional.empty();
		}
		return this.runs.findById(runId);
	}

	/**
	 * Ends a queued run without starting it; false when it is no longer queued.
	 * @param status {@code CANCELLED} or {@code INTERRUPTED}
	 */
	@Transactional
	boolean endQueued(long runId, RunStatus status, String message) {
		return this.runs.endQueued(runId, RunStatus.QUEUED.moveTo(status), status.name(), message,
				status == RunStatus.CANCELLED, this.clock.instant()) > 0;
	}

	@Transactional(readOnly = true)
	Optional<BackupRun> find(long runId) {
		return this.runs.findById(runId);
	}

	@Transactional(readOnly = true)
	BackupRun get(long runId) {
		return this.runs.findById(runId).orElseThrow(() -> new NotFoundException("No run with id " + runId));
	}

	/** The job's run recorded as RUNNING or QUEUED, by any instance. */
	@Transactional(readOnly = true)
	Optional<BackupRun> running(long jobId) {
		return this.runs.findFirstByJobIdAndStatusInOrderByIdDesc(jobId, ACTIVE);
	}

	@Transactional
	BackupRun succeed(long runId, RunOutcome outcome, Transcript transcript) {
		BackupRun run = this.runs.findById(runId).orElseThrow();
		if (alreadyEnded(run, RunStatus.SUCCEEDED)) {
			return run;
		}
		run.succeed(outcome, this.clock.instant());
		keep(runId, transcript);
		return run;
	}

	/** Ends a run that never did any work here. */
	@Transactional
	BackupRun end(long runId, RunStatus status, String errorType, String errorMessage, Transcript transcript) {
		return end(runId, new Ending(status, errorType, errorMessage, null, null, List.of()), transcript);
	}

	@Transactional
	BackupRun end(long runId, Ending ending, Transcript transcript) {
		BackupRun run = this.runs.findById(runId).orElseThrow();
		if (alreadyEnded(run, ending.status())) {
			return run;
		}
		run.end(ending.status(), ending.errorType(), ending.errorMessage(), this.clock.instant(), ending.progress(),
				ending.nextAttemptAt(), ending.warnings());
		keep(runId, transcript);
		return run;
	}

	/**
	 * Records on an ended run what became of its retry.
	 * @param nextAttemptAt when the next attempt starts, or {@code null}
	 */
	@Transactional
	void retried(long runId, Instant nextAttemptAt, List<String> notes) {
		this.runs.findById(runId).ifPresent((run) -> run.retried(nextAttemptAt, notes));
	}

	/**
	 * A run another instance took for dead (its heartbeat went stale) keeps the status it
	 * was given; its real outcome goes to the log.
	 */
	private static boolean alreadyEnded(BackupRun run, RunStatus outcome) {
		if (run.getStatus().isTerminal()) {
			log.warn("Run {} of job '{}' ended {} here, but was already recorded as {}: {}", run.getId(),
					run.getJobName(), outcome, run.getStatus(), run.getErrorMessage());
			return true;
		}
		return false;
	}

	private void keep(long runId, Transcript transcript) {
		if (transcript != null && !transcript.isEmpty()) {
			this.transcripts.save(new RunTranscript(runId, transcript.text()));
		}
	}

	/** Writes the progress of runs under way here and that this instance is alive. */
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
	 * @param running runs under way here, never closed
	 */
	@Transactional
	List<BackupRun> interruptAbandoned(boolean mine, Instant staleBefore, List<Long> running) {
		List<BackupRun> abandoned = new ArrayList<>(this.runs.findStale(staleBefore));
		if (mine) {
			this.runs.findByStatusIn(ACTIVE)
				.stream()
				.filter((run) -> Objects.equals(run.getOwner(), this.instance) || run.getOwner() == null)
				.filter((run) -> !abandoned.contains(run))
				.forEach(abandoned::add);
		}
		abandoned.removeIf((run) -> running.contains(run.getId()));
		Instant now = this.clock.instant();
		for (BackupRun run : abandoned) {
			boolean own = Objects.equals(run.getOwner(), this.instance);
			String message = own
					? "The service stopped while this run was under way; the upload did not complete. "
							+ "The next run starts afresh."
					: "The instance running it (" + run.getOwner() + ") stopped sending heartbeats (last at "
							+ run.getHeartbeatAt() + "); it probably stopped or lost its node. "
							+ "The upload did not complete; the next run starts afresh.";
			if (run.getStatus() == RunStatus.QUEUED) {
				message = (own ? "The service stopped" : "Its instance (" + run.getOwner() + ") went quiet")
						+ " before this queued run started; nothing was uploaded.";
			}
			run.end(RunStatus.INTERRUPTED, "INTERRUPTED", message, now, null, null, List.of());
		}
		return abandoned;
	}

	/**
	 * How a run ended without an archive.
	 *
	 * @param progress how far it got, or {@code null}
	 * @param nextAttemptAt when its retry is due, or {@code null}
	 */
	record Ending(RunStatus status, String errorType, String errorMessage, RunProgress.Snapshot progress,
			Instant nextAttemptAt, List<String> warnings) {
	}

}
