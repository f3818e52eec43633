package dev.ferry.job;

import java.util.List;

import dev.ferry.archive.ArchiveFormat;
import jakarta.validation.Valid;
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
		@NotNull @Valid TargetRequest target, @Valid ScheduleRequest schedule, Boolean enabled) {

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
