package dev.ferry.run;

import java.time.Instant;

/**
 * What runs need from scheduling, implemented by the {@code scheduling} package: a retry
 * of a job at a later time that survives a restart of the service.
 */
public interface RetryScheduler {

	/**
	 * Schedules the job's next attempt, replacing any retry pending for it.
	 * @param jobId the job
	 * @param attempt the attempt's number, 2 or more
	 * @param firstRunId the run of the first attempt in the series
	 * @param at when it should start
	 */
	void scheduleRetry(long jobId, int attempt, long firstRunId, Instant at);

	/** Drops the job's pending retry, if any: a newer run supersedes it. */
	void cancelRetry(long jobId);

}
