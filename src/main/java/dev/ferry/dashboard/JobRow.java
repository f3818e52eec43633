package dev.ferry.dashboard;

import java.time.Instant;
import java.util.List;

import dev.ferry.job.BackupJob;
import dev.ferry.run.BackupRun;
import dev.ferry.run.RunStatus;

/**
 * One job as the overview lists it: its schedule, its last run with its age, and whether
 * it needs attention — the last run failed, or the schedule fired since the last success
 * without producing one.
 */
record JobRow(long id, String name, String sources, String target, String schedule, Instant nextFireTime,
		boolean enabled, String warning, RunRow lastRun, String lastRunAge, boolean alarm, String alarmReason,
		String sparkline) {

	static JobRow of(BackupJob job, Instant nextFireTime, Instant previousFireTime, List<BackupRun> recent,
			BackupRun lastSuccess, Instant now) {
		String schedule = (job.getSchedule() != null)
				? ScheduleWords.describe(job.getSchedule().getCron()) + " (" + job.getSchedule().getTimezone() + ")"
				: "manual only";
		BackupRun last = recent.isEmpty() ? null : recent.get(0);
		String alarm = alarm(job, last, lastSuccess, previousFireTime);
		return new JobRow(job.getId(), job.getName(), String.join(", ", job.getSources()), job.getTarget().toString(),
				schedule, nextFireTime, job.isEnabled(), warning(job), (last != null) ? RunRow.of(last, now) : null,
				(last != null) ? Times.age(since(last), now) : null, alarm != null, alarm,
				Sparkline.of(recent.stream().map(BackupRun::getBytesUploaded).toList()));
	}

	/** When the run started, or was asked for while it waits. */
	private static Instant since(BackupRun run) {
		return (run.getStartedAt() != null) ? run.getStartedAt() : run.getQueuedAt();
	}

	private static String alarm(BackupJob job, BackupRun last, BackupRun lastSuccess, Instant previousFireTime) {
		if (last == null) {
			return null;
		}
		if (last.getStatus() == RunStatus.FAILED || last.getStatus() == RunStatus.INTERRUPTED) {
			return "the last run " + last.getStatus().name().toLowerCase();
		}
		boolean overdue = job.isScheduled() && previousFireTime != null && !last.getStatus().isActive()
				&& (lastSuccess == null || lastSuccess.getStartedAt().isBefore(previousFireTime.minusSeconds(60)));
		return overdue ? "no successful run since the schedule last fired" : null;
	}

	private static String warning(BackupJob job) {
		if (job.getTarget().isPasswordUnreadable()) {
			return "The stored FTP password cannot be decrypted with the current secret key";
		}
		return job.getTarget().isTlsInsecure()
				? "TLS certificate NOT checked (tlsInsecure): the password and backups can be intercepted" : null;
	}

}
