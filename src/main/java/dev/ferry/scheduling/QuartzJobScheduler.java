package dev.ferry.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobScheduler;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps one Quartz cron trigger per enabled, scheduled job in Quartz's persistent store.
 * A trigger whose expression and zone did not change is left alone, so that a fire missed
 * while the service was down still runs once at start-up (fire-and-proceed misfire
 * policy) instead of being forgotten or replayed in a burst.
 */
@Component
class QuartzJobScheduler implements JobScheduler {

	static final String GROUP = "ferry";

	static final String JOB_ID = "jobId";

	private static final Logger log = LoggerFactory.getLogger(QuartzJobScheduler.class);

	private final Scheduler scheduler;

	private final QuartzRetryScheduler retries;

	QuartzJobScheduler(Scheduler scheduler, QuartzRetryScheduler retries) {
		this.scheduler = scheduler;
		this.retries = retries;
	}

	static JobKey jobKey(long jobId) {
		return JobKey.jobKey("job-" + jobId, GROUP);
	}

	static TriggerKey triggerKey(long jobId) {
		return TriggerKey.triggerKey("job-" + jobId, GROUP);
	}

	@Override
	public Optional<String> cronProblem(String cron, ZoneId zone) {
		try {
			CronSchedules.toQuartz(cron, zone);
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	@Override
	public void sync(BackupJob job) {
		long id = job.getId();
		if (!job.isEnabled()) {
			// a paused job makes no automatic attempts, retries included
			this.retries.cancelRetry(id);
		}
		if (!job.isScheduled()) {
			removeSchedule(id);
			return;
		}
		ZoneId zone = job.getSchedule().getZone();
		String expression;
		try {
			expression = CronSchedules.toQuartz(job.getSchedule().getCron(), zone);
		}
		catch (IllegalArgumentException ex) {
			// Accepted once, but no longer firing: a schedule with a year that has
			// passed.
			log.warn("Job '{}' (id {}) is not scheduled: its cron '{}' {}", job.getName(), id,
					job.getSchedule().getCron(), ex.getMessage());
			removeSchedule(id);
			return;
		}
		TimeZone timeZone = CronSchedules.timeZone(zone);
		try {
			if (unchanged(id, expression, timeZone)) {
				return;
			}
			JobDetail detail = JobBuilder.newJob(BackupQuartzJob.class)
				.withIdentity(jobKey(id))
				.withDescription(job.getName())
				.usingJobData(JOB_ID, String.valueOf(id))
				.storeDurably()
				.build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(triggerKey(id))
				.forJob(detail)
				.withSchedule(CronScheduleBuilder.cronSchedule(expression)
					.inTimeZone(timeZone)
					.withMisfireHandlingInstructionFireAndProceed())
				.build();
			this.scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
			log.info("Scheduled job '{}' (id {}) with '{}' in {}", job.getName(), id, expression, timeZone.getID());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not schedule job " + id + ": " + ex.getMessage(), ex);
		}
	}

	private boolean unchanged(long id, String expression, TimeZone zone) throws SchedulerException {
		// A trigger written by an earlier translation of the same crontab line
		// (MON,TUE,WED,THU,FRI before MON-FRI) is kept, with its pending misfire.
		return this.scheduler.getTrigger(triggerKey(id)) instanceof CronTrigger existing
				&& CronSchedules.sameFireTimes(existing.getCronExpression(), expression)
				&& Objects.equals(existing.getTimeZone().getID(), zone.getID());
	}

	@Override
	public void remove(long jobId) {
		removeSchedule(jobId);
		this.retries.cancelRetry(jobId);
	}

	private void removeSchedule(long jobId) {
		try {
			if (this.scheduler.deleteJob(jobKey(jobId))) {
				log.info("Removed the schedule of job id {}", jobId);
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not unschedule job " + jobId + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Optional<Instant> previousFireTime(long jobId) {
		try {
			Trigger trigger = this.scheduler.getTrigger(triggerKey(jobId));
			return Optional.ofNullable(trigger).map(Trigger::getPreviousFireTime).map(java.util.Date::toInstant);
		}
		catch (SchedulerException ex) {
			log.warn("Could not read the previous fire time of job id {}: {}", jobId, ex.getMessage());
			return Optional.empty();
		}
	}

	@Override
	public Optional<Instant> nextFireTime(long jobId) {
		try {
			Trigger trigger = this.scheduler.getTrigger(triggerKey(jobId));
			return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(java.util.Date::toInstant);
		}
		catch (SchedulerException ex) {
			log.warn("Could not read the next fire time of job id {}: {}", jobId, ex.getMessage());
			return Optional.empty();
		}
	}

}
