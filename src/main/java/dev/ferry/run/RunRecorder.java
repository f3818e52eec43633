package dev.ferry.run;

import java.time.Clock;
import java.util.List;

import dev.ferry.job.BackupJob;
import dev.ferry.transfer.Transcript;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes run history: each change of a run is its own short transaction, so no database
 * transaction stays open while a backup streams.
 */
@Component
class RunRecorder {

	private final RunRepository runs;

	private final RunTranscriptRepository transcripts;

	private final Clock clock;

	RunRecorder(RunRepository runs, RunTranscriptRepository transcripts, Clock clock) {
		this.runs = runs;
		this.transcripts = transcripts;
		this.clock = clock;
	}

	@Transactional
	BackupRun start(BackupJob job, RunTrigger trigger) {
		return this.runs.save(new BackupRun(job.getId(), job.getName(), trigger, this.clock.instant()));
	}

	@Transactional
	BackupRun succeed(long runId, RunOutcome outcome, Transcript transcript) {
		BackupRun run = this.runs.findById(runId).orElseThrow();
		run.succeed(outcome, this.clock.instant());
		keep(runId, transcript);
		return run;
	}

	@Transactional
	BackupRun end(long runId, RunStatus status, String errorType, String errorMessage, Transcript transcript) {
		BackupRun run = this.runs.findById(runId).orElseThrow();
		run.end(status, errorType, errorMessage, this.clock.instant());
		keep(runId, transcript);
		return run;
	}

	private void keep(long runId, Transcript transcript) {
		if (transcript != null && !transcript.isEmpty()) {
			this.transcripts.save(new RunTranscript(runId, transcript.text()));
		}
	}

	/** Closes runs left {@code RUNNING} by a service that stopped mid-run. */
	@Transactional
	List<BackupRun> interruptAll(String message) {
		List<BackupRun> running = this.runs.findByStatus(RunStatus.RUNNING);
		running.forEach((run) -> run.end(RunStatus.INTERRUPTED, "INTERRUPTED", message, this.clock.instant()));
		return running;
	}

}
