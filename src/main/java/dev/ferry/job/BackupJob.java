package dev.ferry.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.archive.ArchiveFormat;
import dev.ferry.archive.ArchiveSpec;
import dev.ferry.transfer.FtpTarget;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A backup job: which directories to archive, where to upload the archive and when.
 */
@Entity
@Table(name = "backup_job")
public class BackupJob {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	private String name;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "backup_job_source", joinColumns = @JoinColumn(name = "job_id"))
	@OrderColumn(name = "position")
	@Column(name = "path")
	private List<String> sources = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "backup_job_exclude", joinColumns = @JoinColumn(name = "job_id"))
	@OrderColumn(name = "position")
	@Column(name = "pattern")
	private List<String> excludes = new ArrayList<>();

	@Enumerated(EnumType.STRING)
	private ArchiveFormat archiveFormat;

	@Embedded
	private JobTarget target;

	@Embedded
	private JobSchedule schedule;

	@Embedded
	private JobRetry retry;

	@Embedded
	private JobRetention retention;

	private boolean enabled;

	private Instant createdAt;

	private Instant updatedAt;

	protected BackupJob() {
	}

	BackupJob(Instant createdAt) {
		this.createdAt = createdAt;
	}

	/**
	 * Replaces the definition with a validated request. A request without a password
	 * keeps the stored one, because the API never sends it back for a client to echo.
	 */
	void define(JobRequest request, Instant now) {
		TargetRequest t = request.target();
		String password = (t.password() != null || this.target == null) ? t.password() : this.target.getPassword();
		this.name = request.name();
		// "/srv/www/" and "/srv//www" are stored as "/srv/www"
		this.sources = new ArrayList<>(request.sources().stream().map((s) -> Path.of(s).toString()).toList());
		this.excludes = new ArrayList<>(request.excludesOrEmpty());
		this.archiveFormat = request.archiveFormat();
		this.target = new JobTarget(t, password);
		this.schedule = (request.schedule() != null)
				? new JobSchedule(request.schedule().cron().trim(), request.schedule().timezoneOrDefault()) : null;
		this.retry = new JobRetry(request.retry());
		this.retention = new JobRetention(request.retention());
		this.enabled = request.enabledOrDefault();
		this.updatedAt = now;
	}

	void setEnabled(boolean enabled, Instant now) {
		this.enabled = enabled;
		this.updatedAt = now;
	}

	/**
	 * Where and how to upload, password included.
	 * @throws UnreadablePasswordException when the stored password cannot be decrypted
	 */
	public FtpTarget ftpTarget() {
		if (this.target.isPasswordUnreadable()) {
			throw new UnreadablePasswordException(this.name, this.id);
		}
		return this.target.toFtpTarget();
	}

	/** What to put into the archive. */
	public ArchiveSpec archiveSpec() {
		return new ArchiveSpec(this.sources.stream().map(Path::of).toList(), List.copyOf(this.excludes),
				this.archiveFormat);
	}

	/** Whether a trigger should exist for this job. */
	public boolean isScheduled() {
		return this.enabled && this.schedule != null;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public List<String> getSources() {
		return List.copyOf(this.sources);
	}

	public List<String> getExcludes() {
		return List.copyOf(this.excludes);
	}

	public ArchiveFormat getArchiveFormat() {
		return this.archiveFormat;
	}

	public JobTarget getTarget() {
		return this.target;
	}

	public JobSchedule getSchedule() {
		return this.schedule;
	}

	public JobRetry getRetry() {
		return this.retry;
	}

	public JobRetention getRetention() {
		return this.retention;
	}

	/**
	 * The zone in which retention's calendar rules count days, weeks and months: the
	 * schedule's, else UTC.
	 */
	public ZoneId getZone() {
		return (this.schedule != null) ? this.schedule.getZone() : ZoneOffset.UTC;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
