package dev.ferry.dashboard;

import java.time.Instant;
import java.util.List;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobRetention;
import dev.ferry.job.JobTarget;

/**
 * A job's definition as its page shows it; the password never, only whether one is set.
 */
record JobView(long id, String name, List<String> sources, List<String> excludes, String target, String remoteDir,
		String transfer, boolean passwordSet, String schedule, Instant nextFireTime, boolean enabled, String retry,
		String retention) {

	static JobView of(BackupJob job, Instant nextFireTime) {
		JobTarget t = job.getTarget();
		JobRetention r = job.getRetention();
		String retention = r.isConfigured() ? "keep last " + r.getKeepLast() + ", hourly " + r.getKeepHourly()
				+ ", daily " + r.getKeepDaily() + ", weekly " + r.getKeepWeekly() + ", monthly " + r.getKeepMonthly()
				+ ", yearly " + r.getKeepYearly() : "every archive is kept";
		return new JobView(job.getId(), job.getName(), job.getSources(), job.getExcludes(),
				t.getUsername() + "@" + t.getHost() + ":" + t.getPort(), t.getRemoteDir(), t.describeTransfer(),
				t.isPasswordSet(),
				(job.getSchedule() != null) ? ScheduleWords.describe(job.getSchedule().getCron()) + " ("
						+ job.getSchedule().getTimezone() + "; cron " + job.getSchedule().getCron() + ")"
						: "manual only",
				nextFireTime, job.isEnabled(),
				job.getRetry().getMaxAttempts() + " attempt(s), " + job.getRetry().getDelaySeconds() + " s apart",
				retention);
	}

}
