package dev.ferry.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.archive.ArchiveFormat;
import dev.ferry.transfer.DataCommand;
import dev.ferry.transfer.FileType;
import dev.ferry.transfer.PassiveAddress;
import dev.ferry.transfer.Security;
import dev.ferry.transfer.TransferMode;

/**
 * A job as the API shows it: everything but the password, plus when it fires next and
 * what is risky about it.
 */
record JobResponse(long id, String name, List<String> sources, List<String> excludes, Archive archive, Target target,
		Schedule schedule, Retry retry, Retention retention, boolean enabled, Instant nextFireTime,
		List<String> warnings, Instant createdAt, Instant updatedAt) {

	static JobResponse of(BackupJob job, Instant nextFireTime) {
		JobTarget t = job.getTarget();
		JobSchedule s = job.getSchedule();
		return new JobResponse(job.getId(), job.getName(), job.getSources(), job.getExcludes(),
				new Archive(job.getArchiveFormat()), Target.of(t),
				(s != null) ? new Schedule(s.getCron(), s.getTimezone()) : null, Retry.of(job.getRetry()),
				Retention.of(job.getRetention()), job.isEnabled(), nextFireTime, warnings(t), job.getCreatedAt(),
				job.getUpdatedAt());
	}

	static List<String> warnings(JobTarget target) {
		List<String> warnings = new ArrayList<>();
		if (target.isPasswordUnreadable()) {
			warnings.add("target.password: the stored password cannot be decrypted with the current secret key; runs "
					+ "fail until Ferry has the right key or the password is set again.");
		}
		if (target.isTlsInsecure()) {
			warnings.add("target.tlsInsecure: the server's certificate is NOT checked. The connection is encrypted, "
					+ "but anyone between Ferry and the server can pose as the server and read the password and the "
					+ "backups. Paste the server's certificate into tlsTrustedCertificate instead.");
		}
		return warnings;
	}

	record Archive(ArchiveFormat format) {
	}

	record Target(String host, int port, String username, boolean passwordSet, String remoteDir,
			TransferMode transferMode, FileType fileType, PassiveAddress passiveAddress, String activePortRange,
			String activeExternalAddress, Security security, String tlsTrustedCertificate, boolean tlsInsecure,
			String connectTimeout, String dataTimeout, String controlKeepAlive, DataCommand lastDataCommand) {

		static Target of(JobTarget t) {
			return new Target(t.getHost(), t.getPort(), t.getUsername(), t.isPasswordSet(), t.getRemoteDir(),
					t.getTransferMode(), t.getFileType(), t.getPassiveAddress(), t.getActivePortRange(),
					t.getActiveExternalAddress(), t.getSecurity(), t.getTlsTrustedCertificate(), t.isTlsInsecure(),
					t.getConnectTimeout(), t.getDataTimeout(), t.getControlKeepAlive(), t.getLastDataCommand());
		}

	}

	record Schedule(String cron, String timezone) {
	}

	record Retry(int maxAttempts, int delaySeconds) {

		static Retry of(JobRetry retry) {
			return new Retry(retry.getMaxAttempts(), retry.getDelaySeconds());
		}

	}

	/** {@code null} when the job keeps every archive. */
	record Retention(int keepLast, int keepHourly, int keepDaily, int keepWeekly, int keepMonthly, int keepYearly) {

		static Retention of(JobRetention r) {
			return r.isConfigured() ? new Retention(r.getKeepLast(), r.getKeepHourly(), r.getKeepDaily(),
					r.getKeepWeekly(), r.getKeepMonthly(), r.getKeepYearly()) : null;
		}

	}

}
