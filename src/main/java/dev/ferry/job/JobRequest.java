package dev.ferry.job;

import java.util.List;
import java.util.stream.Stream;

import dev.ferry.archive.ArchiveFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A job definition as a client sends it to {@code POST /api/jobs} and {@code PUT
 * /api/jobs/{id}}. Optional parts are {@code null} when omitted; the {@code ...OrDefault}
 * methods say what an omission means.
 */
public record JobRequest(@NotBlank @Size(max = 64) @Pattern(regexp = NAME_PATTERN,
		message = "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'") String name,
		@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 4096) String> sources,
		@Size(max = 1000) List<@NotBlank @Size(max = 1024) String> excludes, @Valid ArchiveRequest archive,
		@NotNull @Valid TargetRequest target, @Valid ScheduleRequest schedule, Boolean enabled,
		@Valid RetryRequest retry, @Valid RetentionRequest retention) {

	/**
	 * Job names become part of archive file names, so they stay within a safe alphabet.
	 */
	static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

	List<String> excludesOrEmpty() {
		return (this.excludes != null) ? this.excludes : List.of();
	}

	ArchiveFormat archiveFormat() {
		return (this.archive != null && this.archive.format() != null) ? this.archive.format() : ArchiveFormat.TAR_GZ;
	}

	boolean enabledOrDefault() {
		return this.enabled == null || this.enabled;
	}

	/**
	 * How often to try again after a transient failure (connection refused, reset or
	 * timed out; 421, 425, 426, 450, 451).
	 */
	public record RetryRequest(@Min(1) @Max(MAX_ATTEMPTS) Integer maxAttempts,
			@Min(1) @Max(MAX_DELAY_SECONDS) Integer delaySeconds) {

		static final int MAX_ATTEMPTS = 20;

		static final int MAX_DELAY_SECONDS = 86_400;

	}

	/**
	 * Which old archives to keep, as restic and borg define the rules; omitted counts are
	 * 0.
	 */
	public record RetentionRequest(@Min(0) @Max(MAX_COUNT) Integer keepLast, @Min(0) @Max(MAX_COUNT) Integer keepHourly,
			@Min(0) @Max(MAX_COUNT) Integer keepDaily, @Min(0) @Max(MAX_COUNT) Integer keepWeekly,
			@Min(0) @Max(MAX_COUNT) Integer keepMonthly, @Min(0) @Max(MAX_COUNT) Integer keepYearly) {

		static final int MAX_COUNT = 100_000;

		/** Whether every count is omitted or 0: a policy that would keep nothing. */
		boolean keepsNothing() {
			return Stream
				.of(this.keepLast, this.keepHourly, this.keepDaily, this.keepWeekly, this.keepMonthly, this.keepYearly)
				.allMatch((count) -> count == null || count == 0);
		}

	}

	/** How the archive is written. */
	public record ArchiveRequest(ArchiveFormat format) {
	}

	/**
	 * When to run: a Quartz cron expression or a 5-field crontab line, and a time zone.
	 */
	public record ScheduleRequest(@NotBlank @Size(max = 120) String cron, @Size(max = 64) String timezone) {

		String timezoneOrDefault() {
			return (this.timezone != null && !this.timezone.isBlank()) ? this.timezone.trim() : "UTC";
		}

	}

}
