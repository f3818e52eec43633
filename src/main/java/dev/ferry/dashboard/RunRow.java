package dev.ferry.dashboard;

import java.time.Duration;
import java.time.Instant;

import dev.ferry.run.BackupRun;

/**
 * One run as the overview lists it, with sizes and durations made readable.
 */
record RunRow(long id, String jobName, String trigger, String status, String startedAt, String duration, String size,
		String mode, String remotePath, String error) {

	static RunRow of(BackupRun run, Instant now) {
		String error = (run.getErrorType() != null) ? run.getErrorType() + ": " + run.getErrorMessage() : null;
		return new RunRow(run.getId(), run.getJobName(), run.getTrigger().name(), run.getStatus().name(),
				Times.format(run.getStartedAt()), duration(run.duration(now)), bytes(run.getBytesUploaded()),
				run.getTransferModeUsed(), run.getRemotePath(), error);
	}

	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 1) {
			return duration.toMillis() + " ms";
		}
		if (seconds < 60) {
			return duration.toMillis() / 100 / 10.0 + " s";
		}
		return (seconds / 60) + " min " + (seconds % 60) + " s";
	}

	static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KiB", "MiB", "GiB", "TiB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
	}

}
