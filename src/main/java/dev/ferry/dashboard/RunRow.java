package dev.ferry.dashboard;

import java.time.Duration;
import java.time.Instant;

import dev.ferry.run.BackupRun;
import dev.ferry.run.RunPhase;
import dev.ferry.run.RunStatus;

/**
 * One run as the overview lists it, with sizes and durations made readable.
 */
record RunRow(long id, String jobName, String trigger, String status, String statusText, String startedAt,
		String duration, String size, String mode, String remotePath, String error) {

	static RunRow of(BackupRun run, Instant now) {
		String error = (run.getErrorType() != null) ? run.getErrorType() + ": " + run.getErrorMessage() : null;
		String trigger = run.getTrigger().name()
				+ ((run.getAttempt() > 1) ? " (attempt " + run.getAttempt() + ")" : "");
		return new RunRow(run.getId(), run.getJobName(), trigger, run.getStatus().name(),
				statusText(run.getStatus(), run.getWarnings().size(), run.getPhase()), Times.format(run.getStartedAt()),
				duration(run.duration(now)), bytes(run.getBytesUploaded()), run.getTransferModeUsed(),
				run.getRemotePath(), error);
	}

	/** The status in words: a success with warnings says so, a running run its phase. */
	static String statusText(RunStatus status, int warnings, RunPhase phase) {
		return switch (status) {
			case SUCCEEDED -> (warnings > 0)
					? "SUCCEEDED with " + warnings + ((warnings == 1) ? " warning" : " warnings") : "SUCCEEDED";
			case RUNNING -> (phase != null) ? "RUNNING (" + phase + ")" : "RUNNING";
			default -> status.name();
		};
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
