package dev.ferry.dashboard;

import java.time.Instant;

import dev.ferry.job.BackupJob;

/**
 * One job as the overview lists it.
 */
record JobRow(long id, String name, String sources, String target, String schedule, String nextFireTime,
		boolean enabled, String warning) {

	static JobRow of(BackupJob job, Instant nextFireTime) {
		String schedule = (job.getSchedule() != null)
				? job.getSchedule().getCron() + " (" + job.getSchedule().getTimezone() + ")" : "manual only";
		return new JobRow(job.getId(), job.getName(), String.join(", ", job.getSources()), job.getTarget().toString(),
				schedule, Times.format(nextFireTime), job.isEnabled(),
				job.getTarget().isTlsInsecure()
						? "TLS certificate NOT checked (tlsInsecure): the password and backups can be intercepted"
						: null);
	}

}
