package dev.ferry.scheduling;

import java.time.Instant;
import java.util.Date;
import java.util.Set;

import dev.ferry.run.RetryScheduler;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps at most one pending retry per job in Quartz's persistent store, so that a retry
 * due while the service is down runs once when it is back. Each retry is a one-shot
 * trigger on a job detail of its own that carries the attempt's number.
 */
@Component
class QuartzRetryScheduler implements RetryScheduler {

	static final String GROUP = "ferry-retry";

	static final String ATTEMPT = "attempt";

	static final String FIRST_RUN_ID = "firstRunId";

	private static final Logger log = LoggerFactory.getLogger(QuartzRetryScheduler.class);

	private final Scheduler scheduler;

	QuartzRetryScheduler(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Unique per attempt: a retry that fails schedules the next while its own trigger is
	 * still being completed, which must not remove the new one.
	 */
	static JobKey retryKey(long jobId, int attempt) {
		return JobKey.jobKey(prefix(jobId) + attempt, GROUP);
	}

	private static String prefix(long jobId) {
		return "retry-" + jobId + "-";
	}

	@Override
	public void scheduleRetry(long jobId, int attempt, long firstRunId, Instant at) {
		cancelRetry(jobId);
		JobKey key = retryKey(jobId, attempt);
		JobDetail detail = JobBuilder.newJob(BackupQuartzJob.class)
			.withIdentity(key)
			.withDescription("attempt " + attempt + " of the run " + firstRunId + " series")
			.usingJobData(QuartzJobScheduler.JOB_ID, String.valueOf(jobId))
			.usingJobData(ATTEMPT, String.valueOf(attempt))
			.usingJobData(FIRST_RUN_ID, String.valueOf(firstRunId))
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(key.getName(), GROUP)
			.forJob(detail)
			.startAt(Date.from(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			this.scheduler.scheduleJob(detail, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not schedule a retry of job " + jobId + ": " + ex.getMessage(), ex);
		}
	}

	/** The retry under way is left to finish; only pending ones are dropped. */
	private boolean isExecuting(JobKey key) throws SchedulerException {
		return this.scheduler.getCurrentlyExecutingJobs()
			.stream()
			.anyMatch((job) -> job.getJobDetail().getKey().equals(key));
	}

	@Override
	public void cancelRetry(long jobId) {
		try {
			for (JobKey key : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
				if (key.getName().startsWith(prefix(jobId)) && !isExecuting(key) && this.scheduler.deleteJob(key)) {
					log.info("Dropped the pending retry {} of job id {}", key.getName(), jobId);
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not drop the retry of job " + jobId + ": " + ex.getMessage(), ex);
		}
	}

}
