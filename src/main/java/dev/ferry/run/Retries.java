package dev.ferry.run;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.ferry.job.BackupJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The job's retry policy applied to a run that did not succeed: after a transient failure
 * (a run that was interrupted counts as one) the next attempt is scheduled while attempts
 * are left; otherwise the run says why not.
 */
@Component
class Retries {

	private static final Logger log = LoggerFactory.getLogger(Retries.class);

	private final RetryScheduler scheduler;

	private final Clock clock;

	Retries(RetryScheduler scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Schedules the next attempt when the failure is worth one.
	 * @param run the run that ended
	 * @param transientFailure whether trying again later may help
	 * @param notes receives what the run should say about its retry
	 * @return when the next attempt starts, or {@code null} when none does
	 */
	Instant after(BackupJob job, BackupRun run, boolean transientFailure, List<String> notes) {
		int attempt = run.getAttempt();
		int max = job.getRetry().getMaxAttempts();
		if (max <= 1) {
			return null;
		}
		if (!transientFailure) {
			notes.add("Not retried: this failure is permanent, and trying again would only hide it.");
			return null;
		}
		if (!job.getRetry().allowsAfter(attempt)) {
			notes.add("Attempt " + attempt + " of " + max + " failed; no attempts are left.");
			return null;
		}
		if (!job.isEnabled()) {
			notes.add("Not retried: the job is paused.");
			return null;
		}
		Attempt next = run.attempt().next(run.getId());
		Instant at = this.clock.instant().plus(job.getRetry().delay());
		try {
			this.scheduler.scheduleRetry(job.getId(), next.number(), next.firstRunId(), at);
		}
		catch (RuntimeException ex) {
			log.warn("Could not schedule attempt {} of job '{}': {}", next.number(), job.getName(), ex.getMessage());
			notes.add("Attempt " + next.number() + " could not be scheduled: " + ex.getMessage());
			return null;
		}
		notes.add("Attempt " + attempt + " of " + max + " failed; attempt " + next.number() + " starts at " + at + ".");
		log.info("Attempt {} of job '{}' scheduled for {}", next.number(), job.getName(), at);
		return at;
	}

}
