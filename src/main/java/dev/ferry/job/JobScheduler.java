package dev.ferry.job;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the job feature needs from scheduling, implemented by the {@code scheduling}
 * package: keep one trigger per job in step with its definition. Called inside the
 * transaction that changes the job, so the job and its trigger commit together.
 */
public interface JobScheduler {

	/**
	 * Checks a cron expression (Quartz syntax or a 5-field crontab line) as it would be
	 * scheduled in {@code zone}.
	 * @return why the expression is not accepted, or empty when it is
	 */
	Optional<String> cronProblem(String cron, ZoneId zone);

	/** Creates, replaces or removes the job's trigger to match its definition. */
	void sync(BackupJob job);

	/** Removes everything scheduled for the job. */
	void remove(long jobId);

	/** When the job's trigger fires next; empty when it has none (manual or paused). */
	Optional<Instant> nextFireTime(long jobId);

	/** When the job's trigger fired last; empty when it never did or has none. */
	Optional<Instant> previousFireTime(long jobId);

}
