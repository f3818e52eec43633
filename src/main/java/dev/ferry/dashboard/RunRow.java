package dev.ferry.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.ferry.run.BackupRun;
import dev.ferry.run.RunPhase;
import dev.ferry.run.RunStatus;

/**
 * One run as the pages list it, with sizes, durations and throughput made readable.
 */
record RunRow(long id, long jobId, String jobName, String trigger, String status, String statusText, Instant startedAt,
		String duration, String size, String throughput, String mode, String remotePath, String error) {

	static RunRow of(BackupRun run, Instant now) {
		return of(run, now, run.getPhase());
	}

	/** With the phase of a run under way here, which is ahead of the recorded one. */
	static RunRow of(BackupRun run, Instant now, RunPhase phase) {
		String error = (run.getErrorType() != null) ? run.getErrorType() + ": " + run.getErrorMessage() : null;
		String trigger = run.getTrigger().name()
				+ ((run.getAttempt() > 1) ? " (attempt " + run.getAttempt() + ")" : "");
		Duration took = run.duration(now);
		return new RunRow(run.getId(), run.getJobId(), run.getJobName(), trigger, run.getStatus().name(),
				statusText(run.getStatus(), run.getWarnings().size(), phase), run.getStartedAt(), duration(took),
				bytes(run.getBytesUploaded()), throughput(run.getBytesUploaded(), took),
				Objects.toString(run.getPublished().getTransferModeUsed(), null), run.getPublished().getRemotePath(),
				error);
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

	static String throughput(long bytes, Duration duration) {
		long millis = duration.toMillis();
		return (bytes == 0 || millis == 0) ? null : bytes(bytes * 1000 / millis) + "/s";
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
