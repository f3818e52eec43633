package dev.ferry.scheduling;

import java.util.HashSet;
import java.util.Set;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, makes Quartz's store agree with the job table: every scheduled job has its
 * trigger, and nothing is scheduled for a job that no longer exists. Triggers already in
 * step are kept, with their pending misfires.
 */
@Component
class ScheduleReconciler {

	private static final Logger log = LoggerFactory.getLogger(ScheduleReconciler.class);

	private final JobService jobs;

	private final QuartzJobScheduler jobScheduler;

	private final Scheduler scheduler;

	ScheduleReconciler(JobService jobs, QuartzJobScheduler jobScheduler, Scheduler scheduler) {
		this.jobs = jobs;
		this.jobScheduler = jobScheduler;
		this.scheduler = scheduler;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	void reconcile() throws SchedulerException {
		Set<JobKey> expected = new HashSet<>();
		for (BackupJob job : this.jobs.findAll()) {
			this.jobScheduler.sync(job);
			if (job.isScheduled()) {
				expected.add(QuartzJobScheduler.jobKey(job.getId()));
			}
		}
		for (JobKey key : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(QuartzJobScheduler.GROUP))) {
			if (!expected.contains(key)) {
				log.info("Removing orphaned schedule {}", key);
				this.scheduler.deleteJob(key);
			}
		}
		log.info("{} job(s) scheduled", expected.size());
	}

}
