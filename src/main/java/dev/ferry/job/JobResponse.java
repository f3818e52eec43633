package dev.ferry.job;

import java.time.Instant;
import java.util.List;

import dev.ferry.archive.ArchiveFormat;
import dev.ferry.transfer.FileType;
import dev.ferry.transfer.TransferMode;

/**
 * A job as the API shows it: everything but the password, plus when it fires next.
 */
record JobResponse(long id, String name, List<String> sources, List<String> excludes, Archive archive, Target target,
		Schedule schedule, boolean enabled, Instant nextFireTime, Instant createdAt, Instant updatedAt) {

	static JobResponse of(BackupJob job, Instant nextFireTime) {
		JobTarget t = job.getTarget();
		JobSchedule s = job.getSchedule();
		return new JobResponse(job.getId(), job.getName(), job.getSources(), job.getExcludes(),
				new Archive(job.getArchiveFormat()),
				new Target(t.getHost(), t.getPort(), t.getUsername(), t.isPasswordSet(), t.getRemoteDir(),
						t.getTransferMode(), t.getFileType()),
				(s != null) ? new Schedule(s.getCron(), s.getTimezone()) : null, job.isEnabled(), nextFireTime,
				job.getCreatedAt(), job.getUpdatedAt());
	}

	record Archive(ArchiveFormat format) {
	}

	record Target(String host, int port, String username, boolean passwordSet, String remoteDir,
			TransferMode transferMode, FileType fileType) {
	}

	record Schedule(String cron, String timezone) {
	}

}
