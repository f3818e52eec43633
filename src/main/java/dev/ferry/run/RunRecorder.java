package dev.ferry.run;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * transaction stays open while a backup streams. (Heartbeats and cancel requests are
 * {@link LivenessRecords}'.)
 */
@Component
class RunRecorder {

	private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

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
	 * @param why {@code CANCELLED} or {@code INTERRUPTED}
	 */
	@Transactional
	boolean endQueued(long runId, FailureType why, String message) {
		RunStatus status = why.status();
		return this.runs.endQueued(runId, RunStatus.QUEUED.moveTo(status), why, message, status == RunStatus.CANCELLED,
				this.clock.instant()) > 0;
	}

	@Transactional(readOnly = true)
	Optional<BackupRun> find(long runId) {
		return this.runs.findById(runId);
	}

	@Transactional(readOnly = true)
	BackupRun get(long runId) {
		return this.runs.findById(runId).orElseThrow(() -> new NotFoundException("No run with id " + runId));
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

	@Transactional
	BackupRun end(long runId, Ending ending, Transcript transcript) {
		BackupRun run = this.runs.findById(runId).orElseThrow();
		if (alreadyEnded(run, ending.failure().type().status())) {
			return run;
		}
		run.end(ending.failure().type(), ending.failure().message(), this.clock.instant(), ending.progress(),
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

	/**
	 * How a run ended without an archive.
	 *
	 * @param progress how far it got, or {@code null}
	 * @param nextAttemptAt when its retry is due, or {@code null}
	 */
	record Ending(RunFailure failure, RunProgress.Snapshot progress, Instant nextAttemptAt, List<String> warnings) {
	}

}
