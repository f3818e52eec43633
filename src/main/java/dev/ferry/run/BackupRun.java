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
 * One execution of a backup job, recorded before work starts and closed with its outcome.
 */
@Entity
@Table(name = "backup_run")
public class BackupRun {

	static final int MAX_MESSAGE = 4000;

	static final int MAX_WARNINGS = 100;

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

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "backup_run_warning", joinColumns = @JoinColumn(name = "run_id"))
	@OrderColumn(name = "position")
	@Column(name = "message")
	@BatchSize(size = 100)
	private List<String> warnings = new ArrayList<>();

	protected BackupRun() {
	}

	BackupRun(long jobId, String jobName, RunTrigger trigger, Instant startedAt) {
		this.jobId = jobId;
		this.jobName = jobName;
		this.trigger = trigger;
		this.status = RunStatus.RUNNING;
		this.startedAt = startedAt;
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
		addWarnings(outcome.warnings());
	}

	void end(RunStatus status, String errorType, String errorMessage, Instant now) {
		this.status = this.status.moveTo(status);
		this.finishedAt = now;
		this.errorType = errorType;
		this.errorMessage = truncate(errorMessage);
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

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	/** How long the run took, or has taken so far when it is still running. */
	public Duration duration(Instant now) {
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

}
