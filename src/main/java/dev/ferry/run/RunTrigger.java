package dev.ferry.run;

/**
 * What started a run.
 */
public enum RunTrigger {

	/** The job's cron schedule fired. */
	SCHEDULE,
	/** Someone asked for a run now. */
	MANUAL,
	/**
	 * An earlier run failed for a transient reason and the job allows another attempt.
	 */
	RETRY

}
