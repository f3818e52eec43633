package dev.ferry.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.transfer.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The end of a run's path: records how it ended, success or {@link FailureType failure},
 * with its transcript, and gives a failure the job's retry policy. The history is written
 * by {@link RunRecorder}; retries are scheduled first, outside its transactions.
 */
@Component
class OutcomeRecorder {

	private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

	private static final String NOT_STARTED = "The service stopped before this run started.";

	private final JobService jobs;

	private final RunRecorder recorder;

	private final Retries retries;

	OutcomeRecorder(JobService jobs, RunRecorder recorder, Retries retries) {
		this.jobs = jobs;
		this.recorder = recorder;
		this.retries = retries;
	}

	void succeeded(ClaimedRun claimed, RunOutcome outcome, Transcript transcript) {
		BackupJob job = claimed.job();
		long runId = claimed.run().getId();
		this.recorder.succeed(runId, outcome, transcript);
		// AUTO tries it first next time
		this.jobs.rememberDataCommand(job.getId(), outcome.transferModeUsed());
		log.info("Run {} of job '{}' succeeded: {} files, {} bytes uploaded to {} via {}, verified by {}{}", runId,
				job.getName(), outcome.filesArchived(), outcome.bytesUploaded(), outcome.remotePath(),
				outcome.transferModeUsed(), outcome.verification(),
				outcome.pruned().isEmpty() ? "" : "; pruned " + outcome.pruned().size() + " old files");
	}

	/**
	 * @param failure what the backup threw
	 * @param stopping whether the service is stopping
	 */
	void failed(ClaimedRun claimed, Throwable failure, boolean stopping, Transcript transcript) {
		BackupJob job = claimed.job();
		long runId = claimed.run().getId();
		RunProgress.Snapshot progress = claimed.control().progress().snapshot();
		RunFailure why = RunFailure.of(failure, claimed.control(), stopping);
		switch (why.type()) {
			case CANCELLED -> log.info("Run {} of job '{}' cancelled while {}", runId, job.getName(), progress.phase());
			case INTERRUPTED ->
				log.warn("Run {} of job '{}' interrupted: the service is stopping", runId, job.getName());
			default -> log.warn("Run {} of job '{}' failed ({}): {}", runId, job.getName(), why.type(), why.message(),
					why.type().isBug() ? failure : null);
		}
		List<String> notes = new ArrayList<>();
		Instant retryAt = why.type().asksForRetry()
				? this.retries.after(job, claimed.run(), why.transientFailure(), notes) : null;
		this.recorder.end(runId, new RunRecorder.Ending(why, progress, retryAt, notes), transcript);
	}

	/**
	 * Ends a run that was queued here when the service stopped: {@code INTERRUPTED}, and
	 * tried again as any interrupted run.
	 */
	void neverStarted(ClaimedRun queued) {
		if (this.recorder.endQueued(queued.run().getId(), FailureType.INTERRUPTED, NOT_STARTED)) {
			retry(queued.job(), queued.run());
		}
	}

	/**
	 * Gives a run that was closed as {@code INTERRUPTED} (its instance stopped or went
	 * quiet) the job's retry policy, as any transient failure gets: an interrupted backup
	 * is tried again rather than waiting for the next schedule.
	 */
	void retryInterrupted(BackupRun run) {
		Optional<BackupJob> job;
		try {
			job = this.jobs.find(run.getJobId());
		}
		catch (RuntimeException ex) {
			log.warn("Run {} was interrupted; its retry could not be considered: {}", run.getId(), ex.getMessage());
			return;
		}
		job.ifPresent((found) -> retry(found, run));
	}

	private void retry(BackupJob job, BackupRun run) {
		List<String> notes = new ArrayList<>();
		Instant at = this.retries.after(job, run, FailureType.INTERRUPTED.isTransient(null), notes);
		if (!notes.isEmpty()) {
			this.recorder.retried(run.getId(), at, notes);
		}
	}

}
