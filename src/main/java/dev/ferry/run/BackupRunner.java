package dev.ferry.run;

import java.util.Optional;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.system.ConflictException;
import dev.ferry.transfer.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs a backup from start to end: holds the job ({@link Liveness}), records the run,
 * performs it ({@link StreamedBackup}: the archive streamed into the upload, then
 * pruning) and records how it ended ({@link OutcomeRecorder}). Whatever happens, a run
 * that was recorded as {@code RUNNING} is closed and its job freed.
 */
@Service
public class BackupRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BackupRunner.class);

	private final JobService jobs;

	private final Liveness liveness;

	private final RunRecorder recorder;

	private final StreamedBackup backup;

	private final OutcomeRecorder outcomes;

	private final RetryScheduler retryScheduler;

	private final ManualRuns manualRuns;

	private volatile boolean stopping;

	BackupRunner(JobService jobs, Liveness liveness, RunRecorder recorder, StreamedBackup backup,
			OutcomeRecorder outcomes, RetryScheduler retryScheduler, RunProperties properties) {
		this.jobs = jobs;
		this.liveness = liveness;
		this.recorder = recorder;
		this.backup = backup;
		this.outcomes = outcomes;
		this.retryScheduler = retryScheduler;
		this.manualRuns = new ManualRuns(properties, jobs, recorder, liveness, outcomes, this::perform);
	}

	/**
	 * Starts a run of the job now, in the background: {@code RUNNING} when one of the
	 * manual workers is free, else {@code QUEUED} until one is. A queued run holds its
	 * job as a running one does.
	 * @return the run, as recorded
	 * @throws ConflictException when the job is already running or has a run queued
	 * @throws RunQueueFullException when the run would have to wait and the queue is full
	 */
	public BackupRun startManual(long jobId) {
		BackupJob job = this.jobs.get(jobId);
		if (this.liveness.holds(jobId)) {
			// says which run holds the job, even when the queue is full too
			throw this.liveness.busy(job);
		}
		return this.manualRuns.admit(
				(wait) -> begin(job, RunTrigger.MANUAL, Attempt.FIRST, wait).orElseThrow(() -> this.liveness.busy(job)))
			.run();
	}

	/**
	 * Runs the job in the calling thread, as its schedule asks. Skipped (and logged) when
	 * the job no longer exists or a run of it is still under way.
	 */
	public void runScheduled(long jobId) {
		runInThisThread(jobId, RunTrigger.SCHEDULE, Attempt.FIRST);
	}

	/**
	 * Runs a retry of the job in the calling thread. Skipped (and logged) when the job no
	 * longer exists, is paused, or a run of it is under way.
	 * @param attempt 2 or more
	 * @param firstRunId the run of the first attempt in the series
	 */
	public void runRetry(long jobId, int attempt, long firstRunId) {
		runInThisThread(jobId, RunTrigger.RETRY, new Attempt(attempt, firstRunId));
	}

	/**
	 * Stops a run under way: the transfer is aborted and the partial upload removed; the
	 * run ends {@code CANCELLED} within seconds. A run on another instance is stopped by
	 * that instance at its next heartbeat. A queued run ends {@code CANCELLED} at once
	 * and never starts.
	 * @return the run, still {@code RUNNING} until it has stopped
	 * @throws ConflictException when the run has already ended
	 */
	public BackupRun cancel(long runId) {
		return this.liveness.cancel(runId);
	}

	private void runInThisThread(long jobId, RunTrigger trigger, Attempt attempt) {
		BackupJob job;
		try {
			job = this.jobs.get(jobId);
		}
		catch (RuntimeException ex) {
			log.warn("{} fired for job id {}, which cannot be loaded: {}", trigger, jobId, ex.getMessage());
			return;
		}
		if (trigger == RunTrigger.RETRY && !job.isEnabled()) {
			log.info("Skipping attempt {} of job '{}': the job is paused", attempt.number(), job.getName());
			return;
		}
		Optional<ClaimedRun> started = begin(job, trigger, attempt, false);
		if (started.isEmpty()) {
			log.info("Skipping the {} run of job '{}': {}", trigger, job.getName(),
					this.liveness.busy(job).getMessage());
			return;
		}
		perform(started.get());
	}

	/**
	 * Holds the job and records its run, {@code QUEUED} when it has to wait for a worker;
	 * empty when a run of the job is under way or queued, here or on another instance.
	 */
	private Optional<ClaimedRun> begin(BackupJob job, RunTrigger trigger, Attempt attempt, boolean queued) {
		Optional<RunControl> claim = this.liveness.claim(job.getId());
		if (claim.isEmpty()) {
			return Optional.empty();
		}
		RunControl control = claim.get();
		try {
			if (trigger != RunTrigger.RETRY) {
				// This run supersedes a retry still pending from an earlier failure.
				this.retryScheduler.cancelRetry(job.getId());
			}
			BackupRun run = queued ? this.recorder.queue(job, trigger, attempt)
					: this.recorder.start(job, trigger, attempt);
			control.recorded(run.getId());
			log.info("Run {} of job '{}' {} ({}{})", run.getId(), job.getName(),
					queued ? "queued: every manual worker is busy" : "started", trigger,
					(attempt.number() > 1) ? ", attempt " + attempt.number() : "");
			return Optional.of(new ClaimedRun(job, run, control));
		}
		catch (RuntimeException ex) {
			this.liveness.release(control);
			throw ex;
		}
	}

	private void perform(ClaimedRun claimed) {
		Transcript transcript = new Transcript();
		try {
			RunOutcome outcome = this.backup.perform(claimed.job(), claimed.run().getId(), claimed.run().getStartedAt(),
					claimed.control(), transcript);
			this.outcomes.succeeded(claimed, outcome, transcript);
		}
		catch (Throwable failure) {
			this.outcomes.failed(claimed, failure, this.stopping, transcript);
			if (failure instanceof Error error) {
				throw error;
			}
		}
		finally {
			this.liveness.release(claimed.control());
		}
	}

	/**
	 * Stops the manual runs: those under way are interrupted, those still queued never
	 * start; both are recorded as {@code INTERRUPTED} now rather than at the next start.
	 */
	@Override
	public void destroy() {
		this.stopping = true;
		this.manualRuns.stop();
	}

}
