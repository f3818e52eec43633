package dev.ferry.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One execution of a backup job, recorded before work starts (or, for a "run now" that
 * waits for a worker, when it was asked for) and closed with its outcome.
 */
@Entity
@Table(name = "backup_run")
public class BackupRun {

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

	@Embedded
	private RunCounters counters = RunCounters.none(null);

	@Embedded
	private PublishedArchive published = new PublishedArchive();

	@Embedded
	private Attempt attempt;

	private String owner;

	private Instant heartbeatAt;

	private boolean cancelRequested;

	@Embedded
	private RunReport report = new RunReport();

	protected BackupRun() {
	}

	/** A run that starts now. */
	BackupRun(long jobId, String jobName, RunTrigger trigger, Attempt attempt, String owner, Instant startedAt) {
		this(jobId, jobName, trigger, attempt, owner);
		this.status = RunStatus.RUNNING;
		this.counters = RunCounters.none(RunPhase.ARCHIVING);
		this.startedAt = startedAt;
		this.heartbeatAt = startedAt;
	}

	private BackupRun(long jobId, String jobName, RunTrigger trigger, Attempt attempt, String owner) {
		this.jobId = jobId;
		this.jobName = jobName;
		this.trigger = trigger;
		this.attempt = attempt;
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
		this.counters = RunCounters.of(outcome);
		this.published = PublishedArchive.of(outcome);
		this.report.succeeded(outcome);
	}

	/**
	 * Ends the run without an archive, in the status its failure type says.
	 * @param progress how far it got, or {@code null} when it never started work here
	 * @param nextAttemptAt when a retry is due, or {@code null}
	 * @param warnings what else is worth knowing
	 */
	void end(FailureType errorType, String errorMessage, Instant now, RunProgress.Snapshot progress,
			Instant nextAttemptAt, List<String> warnings) {
		this.status = this.status.moveTo(errorType.status());
		this.finishedAt = now;
		this.report.failed(errorType, errorMessage, nextAttemptAt, warnings);
		if (progress != null) {
			this.counters = RunCounters.of(progress);
		}
	}

	/**
	 * Records what became of the retry of a run that has ended.
	 * @param nextAttemptAt when the next attempt starts, or {@code null}
	 */
	void retried(Instant nextAttemptAt, List<String> notes) {
		if (!this.status.isTerminal()) {
			throw new IllegalStateException("Run " + this.id + " has not ended");
		}
		this.report.retried(nextAttemptAt, notes);
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

	public long getBytesUploaded() {
		return this.counters.bytesUploaded();
	}

	/** What a successful run left on the server; empty for the others. */
	public PublishedArchive getPublished() {
		return this.published;
	}

	/** Why the run did not succeed, or {@code null}. */
	public FailureType getErrorType() {
		return this.report.errorType();
	}

	public String getErrorMessage() {
		return this.report.errorMessage();
	}

	public List<String> getWarnings() {
		return this.report.warnings();
	}

	/** 1 for a run started by its schedule or by hand, 2 and up for retries. */
	public int getAttempt() {
		return this.attempt.number();
	}

	/** Which try this is, and of which series. */
	Attempt attempt() {
		return this.attempt;
	}

	/** When the retry of this failed run is due, or {@code null} when none is. */
	public Instant getNextAttemptAt() {
		return this.report.nextAttemptAt();
	}

	/** What the run is doing, or what it did last when it ended. */
	public RunPhase getPhase() {
		return this.counters.phase();
	}

	/** How far the run got, as last recorded. */
	RunCounters counters() {
		return this.counters;
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

	/** The old files that retention deleted after this run. */
	public List<String> getPruned() {
		return this.report.pruned();
	}

}
