package dev.ferry.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import org.hibernate.annotations.BatchSize;

/**
 * One execution of a backup job, recorded before work starts (or, for a "run now" that
 * waits for a worker, when it was asked for) and closed with its outcome.
 */
@Entity
@Table(name = "backup_run")
public class BackupRun {

	static final int MAX_MESSAGE = 4000;

	static final int MAX_WARNINGS = 100;

	static final int MAX_PRUNED = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long jobId;

	private String jobName;

	@Enumerated(EnumType.STRING)
	@Column(name = "trigger_type")
	private RunTrigger trigger;

	@Enumerated(EnumType.STRING)
	private RunStatus status;

	private Instant queuedAt;

	private Instant startedAt;

	private Instant finishedAt;

	private long filesArchived;

	private long bytesRead;

	private long bytesUploaded;

	private String remotePath;

	private String sha256;

	private String transferModeUsed;

	private boolean transferFallback;

	private String errorType;

	private String errorMessage;

	private int attempt;

	@Column(name = "retry_of")
	private Long retryOf;

	private Instant nextAttemptAt;

	@Enumerated(EnumType.STRING)
	private RunPhase phase;

	private Long estimatedTotalBytes;

	private String owner;

	private Instant heartbeatAt;

	private boolean cancelRequested;

	private String verification;

	private String checksumPath;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "backup_run_pruned", joinColumns = @JoinColumn(name = "run_id"))
	@OrderColumn(name = "position")
	@Column(name = "file_name")
	@BatchSize(size = 100)
	private List<String> pruned = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "backup_run_warning", joinColumns = @JoinColumn(name = "run_id"))
	@OrderColumn(name = "position")
	@Column(name = "message")
	@BatchSize(size = 100)
	private List<String> warnings = new ArrayList<>();

	protected BackupRun() {
	}

	/** A run that starts now. */
	BackupRun(long jobId, String jobName, RunTrigger trigger, Attempt attempt, String owner, Instant startedAt) {
		this(jobId, jobName, trigger, attempt, owner);
		this.status = RunStatus.RUNNING;
		this.phase = RunPhase.ARCHIVING;
		this.startedAt = startedAt;
		this.heartbeatAt = startedAt;
	}

	private BackupRun(long jobId, String jobName, RunTrigger trigger, Attempt attempt, String owner) {
		this.jobId = jobId;
		this.jobName = jobName;
		this.trigger = trigger;
		this.attempt = attempt.number();
		this.retryOf = attempt.firstRunId();
		this.owner = owner;
	}

	/**
	 * A run that waits for a worker. It has no start time until it starts: its archive is
	 * named after the moment it really started. Its owner sends heartbeats for it while
	 * it waits, as for a running run.
	 */
	static BackupRun queued(long jobId, String jobName, RunTrigger trigger, Attempt attempt, String owner,
			Instant queuedAt) {
		BackupRun run = new BackupRun(jobId, jobName, trigger, attempt, owner);
		run.status = RunStatus.QUEUED;
		run.queuedAt = queuedAt;
		run.heartbeatAt = queuedAt;
		return run;
	}

	void succeed(RunOutcome outcome, Instant now) {
		this.status = this.status.moveTo(RunStatus.SUCCEEDED);
		this.finishedAt = now;
		this.filesArchived = outcome.filesArchived();
		this.bytesRead = outcome.bytesRead();
		this.bytesUploaded = outcome.bytesUploaded();
		this.remotePath = outcome.remotePath();
		this.sha256 = outcome.sha256();
		this.transferModeUsed = outcome.transferModeUsed();
		this.transferFallback = outcome.transferFallback();
		this.estimatedTotalBytes = outcome.estimatedTotalBytes();
		this.phase = null;
		this.verification = String.join(",", outcome.verification());
		this.checksumPath = outcome.checksumPath();
		outcome.pruned().stream().limit(MAX_PRUNED).forEach(this.pruned::add);
		addWarnings(outcome.warnings());
	}

	/**
	 * Ends the run without an archive.
	 * @param progress how far it got, or {@code null} when it never started work here
	 * @param nextAttemptAt when a retry is due, or {@code null}
	 * @param warnings what else is worth knowing
	 */
	void end(RunStatus status, String errorType, String errorMessage, Instant now, RunProgress.Snapshot progress,
			Instant nextAttemptAt, List<String> warnings) {
		this.status = this.status.moveTo(status);
		this.finishedAt = now;
		this.errorType = errorType;
		this.errorMessage = truncate(errorMessage);
		this.nextAttemptAt = nextAttemptAt;
		if (progress != null) {
			this.phase = progress.phase();
			this.filesArchived = progress.filesArchived();
			this.bytesRead = progress.bytesRead();
			this.bytesUploaded = progress.bytesUploaded();
			this.estimatedTotalBytes = progress.estimatedTotalBytes();
		}
		addWarnings(warnings);
	}

	/**
	 * Records what became of the retry of a run that has ended.
	 * @param nextAttemptAt when the next attempt starts, or {@code null}
	 */
	void retried(Instant nextAttemptAt, List<String> notes) {
		if (!this.status.isTerminal()) {
			throw new IllegalStateException("Run " + this.id + " has not ended");
		}
		this.nextAttemptAt = nextAttemptAt;
		addWarnings(notes);
	}

	private void addWarnings(List<String> more) {
		int room = MAX_WARNINGS - this.warnings.size();
		int shown = (more.size() <= room) ? more.size() : room - 1;
		more.stream().limit(shown).map(BackupRun::truncate).forEach(this.warnings::add);
		if (shown < more.size()) {
			this.warnings.add("... and " + (more.size() - shown) + " more warnings (see the log)");
		}
	}

	private static String truncate(String message) {
		if (message == null || message.length() <= MAX_MESSAGE) {
			return message;
		}
		return message.substring(0, MAX_MESSAGE - 3) + "...";
	}

	public Long getId() {
		return this.id;
	}

	public long getJobId() {
		return this.jobId;
	}

	public String getJobName() {
		return this.jobName;
	}

	public RunTrigger getTrigger() {
		return this.trigger;
	}

	public RunStatus getStatus() {
		return this.status;
	}

	/**
	 * When a run that had to wait for a worker was asked for; {@code null} for the
	 * others.
	 */
	public Instant getQueuedAt() {
		return this.queuedAt;
	}

	/**
	 * When the run started; {@code null} while it is queued, and for a run that never
	 * started.
	 */
	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	/**
	 * How long the run took, or has taken so far when it is still running; zero for a run
	 * that has not started.
	 */
	public Duration duration(Instant now) {
		if (this.startedAt == null) {
			return Duration.ZERO;
		}
		return Duration.between(this.startedAt, (this.finishedAt != null) ? this.finishedAt : now);
	}

	public long getFilesArchived() {
		return this.filesArchived;
	}

	public long getBytesRead() {
		return this.bytesRead;
	}

	public long getBytesUploaded() {
		return this.bytesUploaded;
	}

	public String getRemotePath() {
		return this.remotePath;
	}

	public String getSha256() {
		return this.sha256;
	}

	public String getTransferModeUsed() {
		return this.transferModeUsed;
	}

	/**
	 * Whether AUTO mode had to fall back from the data-connection command it tried first.
	 */
	public boolean isTransferFallback() {
		return this.transferFallback;
	}

	public String getErrorType() {
		return this.errorType;
	}

	public String getErrorMessage() {
		return this.errorMessage;
	}

	public List<String> getWarnings() {
		return List.copyOf(this.warnings);
	}

	/** 1 for a run started by its schedule or by hand, 2 and up for retries. */
	public int getAttempt() {
		return this.attempt;
	}

	/** The first run of the series this retry belongs to, or {@code null}. */
	public Long getRetryOf() {
		return this.retryOf;
	}

	/** When the retry of this failed run is due, or {@code null} when none is. */
	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	/** What the run is doing, or what it did last when it ended. */
	public RunPhase getPhase() {
		return this.phase;
	}

	/** Bytes of the files in the sources, from a quick scan before archiving. */
	public Long getEstimatedTotalBytes() {
		return this.estimatedTotalBytes;
	}

	/** The service instance that runs or ran it. */
	public String getOwner() {
		return this.owner;
	}

	public Instant getHeartbeatAt() {
		return this.heartbeatAt;
	}

	public boolean isCancelRequested() {
		return this.cancelRequested;
	}

	/** The checks that confirmed the upload, e.g. {@code [SIZE, SHA-256]}. */
	public List<String> getVerification() {
		return (this.verification == null || this.verification.isEmpty()) ? List.of()
				: List.of(this.verification.split(","));
	}

	/** The {@code sha256sum} file uploaded beside the archive. */
	public String getChecksumPath() {
		return this.checksumPath;
	}

	/** The old files that retention deleted after this run. */
	public List<String> getPruned() {
		return List.copyOf(this.pruned);
	}

}
