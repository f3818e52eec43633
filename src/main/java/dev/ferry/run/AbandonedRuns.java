package dev.ferry.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Closes the runs that can never finish (their instance stopped or went quiet) as
 * {@code INTERRUPTED}, and gives each the job's retry policy, as any transient failure
 * gets: an interrupted backup is tried again rather than waiting for the next schedule.
 */
@Component
class AbandonedRuns {

	private static final Logger log = LoggerFactory.getLogger(AbandonedRuns.class);

	private final RunRecorder recorder;

	private final JobService jobs;

	private final Retries retries;

	AbandonedRuns(RunRecorder recorder, JobService jobs, Retries retries) {
		this.recorder = recorder;
		this.jobs = jobs;
		this.retries = retries;
	}

	/**
	 * @param mine whether to include every run owned by this instance (at start-up)
	 * @param staleBefore heartbeats older than this mean the owner is gone
	 * @param running runs under way here, never closed
	 * @return the runs closed
	 */
	List<BackupRun> close(boolean mine, Instant staleBefore, List<Long> running) {
		List<BackupRun> closed = this.recorder.interruptAbandoned(mine, staleBefore, running);
		for (BackupRun run : closed) {
			retry(run);
		}
		return closed;
	}

	private void retry(BackupRun run) {
		Optional<BackupJob> job;
		try {
			job = this.jobs.find(run.getJobId());
		}
		catch (RuntimeException ex) {
			log.warn("Run {} was interrupted; its retry could not be considered: {}", run.getId(), ex.getMessage());
			return;
		}
		if (job.isEmpty()) {
			return;
		}
		List<String> notes = new ArrayList<>();
		Instant at = this.retries.after(job.get(), run, true, notes);
		if (!notes.isEmpty()) {
			this.recorder.retried(run.getId(), at, notes);
		}
	}

}
