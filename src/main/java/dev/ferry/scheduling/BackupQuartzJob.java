package dev.ferry.scheduling;

import dev.ferry.run.BackupRunner;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What a Quartz trigger runs: one scheduled backup of one job, or one retry of it. Quartz
 * never runs two of these for the same job detail at once.
 */
@DisallowConcurrentExecution
class BackupQuartzJob extends QuartzJobBean {

	private final BackupRunner runner;

	BackupQuartzJob(BackupRunner runner) {
		this.runner = runner;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		JobDataMap data = context.getMergedJobDataMap();
		long jobId = data.getLongValue(QuartzJobScheduler.JOB_ID);
		if (data.containsKey(QuartzRetryScheduler.ATTEMPT)) {
			this.runner.runRetry(jobId, data.getIntValue(QuartzRetryScheduler.ATTEMPT),
					data.getLongValue(QuartzRetryScheduler.FIRST_RUN_ID));
		}
		else {
			this.runner.runScheduled(jobId);
		}
	}

}
