package dev.ferry.scheduling;

import dev.ferry.run.BackupRunner;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What a Quartz trigger runs: one scheduled backup of one job. Quartz never runs two of
 * these for the same job at once.
 */
@DisallowConcurrentExecution
class BackupQuartzJob extends QuartzJobBean {

	private final BackupRunner runner;

	BackupQuartzJob(BackupRunner runner) {
		this.runner = runner;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.runner.runScheduled(context.getMergedJobDataMap().getLongValue(QuartzJobScheduler.JOB_ID));
	}

}
