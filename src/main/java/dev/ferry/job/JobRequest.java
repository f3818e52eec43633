package dev.ferry.job;

import java.util.List;

import dev.ferry.archive.ArchiveFormat;
import dev.ferry.transfer.FileType;
import dev.ferry.transfer.TransferMode;
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

	/** The FTP server to upload to. */
	public record TargetRequest(
			@NotBlank @Size(max = 253) @Pattern(regexp = "[^\\s/@]+",
					message = "must be a host name or IP address without spaces, '/' or '@'") String host,
			@Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535,
					message = "must be between 1 and 65535") Integer port,
			@NotBlank @Size(max = 128) String username, @Size(max = 256) String password,
			@Size(max = 1024) String remoteDir, TransferMode transferMode, FileType fileType) {

		int portOrDefault() {
			return (this.port != null) ? this.port : 21;
		}

		String remoteDirOrDefault() {
			return (this.remoteDir != null) ? this.remoteDir.trim() : "";
		}

		TransferMode transferModeOrDefault() {
			return (this.transferMode != null) ? this.transferMode : TransferMode.PASSIVE;
		}

		FileType fileTypeOrDefault() {
			return (this.fileType != null) ? this.fileType : FileType.BINARY;
		}

		/** Keeps the password out of logs and error messages. */
		@Override
		public String toString() {
			return "TargetRequest[host=" + this.host + ", port=" + this.port + ", username=" + this.username
					+ ", password=" + ((this.password != null) ? "****" : "null") + ", remoteDir=" + this.remoteDir
					+ ", transferMode=" + this.transferMode + ", fileType=" + this.fileType + "]";
		}

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
