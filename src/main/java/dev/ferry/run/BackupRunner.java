package dev.ferry.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.system.ConflictException;
import dev.ferry.system.NotFoundException;
import dev.ferry.transfer.DataCommand;
import dev.ferry.transfer.TransferException;
import dev.ferry.transfer.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs a backup from start to end: record the run, stream the archive into the upload,
 * prune, record the outcome, and schedule a retry after a transient failure. Whatever
 * happens, a run that was recorded as {@code RUNNING} is closed.
 */
@Service
public class BackupRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BackupRunner.class);

	private static final String NOT_STARTED = "The service stopped before this run started.";

	private static final String CANCELLED_QUEUED = "Cancelled on request while queued: it never started, "
			+ "and nothing was uploaded.";

	private static final String STOPPED = "The service stopped while this run was under way; the upload did not complete.";

	private final JobService jobs;

	private final RunRecorder recorder;

	private final RunningJobs running;

	private final StreamedBackup backup;

	private final RetryScheduler retryScheduler;

	private final Retries retries;

	private final ManualQueue<Started> manualRuns;

	private volatile boolean stopping;

	BackupRunner(JobService jobs, RunRecorder recorder, RunningJobs running, StreamedBackup backup,
			RetryScheduler retryScheduler, Retries retries, RunProperties properties) {
		this.jobs = jobs;
		this.recorder = recorder;
		this.running = running;
		this.backup = backup;
		this.retryScheduler = retryScheduler;
		this.retries = retries;
		this.manualRuns = new ManualQueue<>(properties.manualThreads(), properties.manualQueue(), this::runManual,
				(started) -> started.run().getId());
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
		if (this.running.runOf(jobId).isPresent()) {
			// says which run holds the job, even when the queue is full too
			throw alreadyRunning(job);
		}
		return this.manualRuns
			.admit((wait) -> begin(job, RunTrigger.MANUAL, Attempt.FIRST, wait).orElseThrow(() -> alreadyRunning(job)))
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
		Optional<Started> started = begin(job, trigger, attempt, false);
		if (started.isEmpty()) {
			log.info("Skipping the {} run of job '{}': {}", trigger, job.getName(), alreadyRunning(job).getMessage());
			return;
		}
		perform(started.get());
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
		BackupRun run = this.recorder.get(runId);
		if (run.getStatus() == RunStatus.QUEUED && cancelQueued(run)) {
			return this.recorder.get(runId);
		}
		if (!this.recorder.requestCancel(runId)) {
			BackupRun ended = this.recorder.get(runId);
			throw new ConflictException("Run " + runId + " has already ended: " + ended.getStatus(),
					Map.of("runId", runId, "status", ended.getStatus().name()));
		}
		this.running.control(runId).ifPresentOrElse((control) -> {
			log.info("Cancelling run {} of job '{}'", runId, run.getJobName());
			control.cancel();
		}, () -> log.info("Run {} of job '{}' runs on instance {}; it stops at that instance's next heartbeat", runId,
				run.getJobName(), run.getOwner()));
		return this.recorder.get(runId);
	}

	/**
	 * Ends a queued run before it starts; false when it started meanwhile. A run queued
	 * on another instance is taken out of that instance's queue at its next heartbeat.
	 */
	private boolean cancelQueued(BackupRun run) {
		// out of the queue here first, so that no worker starts it meanwhile
		dropQueued(run.getId());
		boolean cancelled = this.recorder.endQueued(run.getId(), RunStatus.CANCELLED, CANCELLED_QUEUED);
		if (cancelled) {
			log.info("Queued run {} of job '{}' cancelled before it started", run.getId(), run.getJobName());
		}
		return cancelled;
	}

	/**
	 * Takes a run out of the queue here, if it waits here, and frees its job: it can
	 * never start. For a cancel, and for a queued run another instance cancelled.
	 * @return whether it was queued here
	 */
	boolean dropQueued(long runId) {
		Optional<Started> waiting = this.manualRuns.remove(runId);
		waiting.ifPresent((started) -> this.running.release(started.job().getId()));
		return waiting.isPresent();
	}

	/** The runs queued here, waiting for a manual worker. */
	List<Long> queuedRunIds() {
		return this.manualRuns.waitingIds();
	}

	/**
	 * Claims the job and records its run, {@code QUEUED} when it has to wait for a
	 * worker; empty when a run of the job is under way or queued here or on another
	 * instance.
	 */
	private Optional<Started> begin(BackupJob job, RunTrigger trigger, Attempt attempt, boolean queued) {
		long jobId = job.getId();
		if (!this.running.claim(jobId)) {
			return Optional.empty();
		}
		try {
			if (this.recorder.running(jobId).isPresent()) {
				this.running.release(jobId);
				return Optional.empty();
			}
			if (trigger != RunTrigger.RETRY) {
				// This run supersedes a retry still pending from an earlier failure.
				this.retryScheduler.cancelRetry(jobId);
			}
			BackupRun run = queued ? this.recorder.queue(job, trigger, attempt)
					: this.recorder.start(job, trigger, attempt);
			RunControl control = this.running.started(jobId, run.getId());
			log.info("Run {} of job '{}' {} ({}{})", run.getId(), job.getName(),
					queued ? "queued: every manual worker is busy" : "started", trigger,
					(attempt.number() > 1) ? ", attempt " + attempt.number() : "");
			return Optional.of(new Started(job, run, attempt, control));
		}
		catch (RuntimeException ex) {
			this.running.release(jobId);
			throw ex;
		}
	}

	private ConflictException alreadyRunning(BackupJob job) {
		Optional<BackupRun> holder = this.running.runOf(job.getId())
			.flatMap((id) -> this.recorder.find(id))
			.or(() -> this.recorder.running(job.getId()));
		if (holder.isPresent() && holder.get().getStatus() == RunStatus.QUEUED) {
			return new ConflictException(
					"Job '" + job.getName() + "' already has a run queued (run " + holder.get().getId() + ")",
					Map.of("runId", holder.get().getId(), "status", RunStatus.QUEUED.name()));
		}
		Long runId = holder.map(BackupRun::getId).orElse(null);
		return new ConflictException(
				"Job '" + job.getName() + "' is already running" + ((runId != null) ? " (run " + runId + ")" : ""),
				(runId != null) ? Map.of("runId", runId) : Map.of());
	}

	/** What a manual worker does: a run that waited starts now, as the job is now. */
	private void runManual(Started started) {
		if (started.run().getStatus() != RunStatus.QUEUED) {
			perform(started);
			return;
		}
		long runId = started.run().getId();
		long jobId = started.job().getId();
		boolean handedOver = false;
		try {
			Optional<BackupJob> job = currentJob(jobId);
			if (job.isEmpty()) {
				this.recorder.endQueued(runId, RunStatus.CANCELLED,
						"The job was deleted while this run was queued; it never started.");
				return;
			}
			Optional<BackupRun> run = this.recorder.startQueued(runId);
			if (run.isEmpty()) {
				log.info("Run {} of job '{}' is no longer queued (cancelled or interrupted meanwhile); not started",
						runId, started.job().getName());
				return;
			}
			log.info("Run {} of job '{}' started after waiting since {}", runId, job.get().getName(),
					run.get().getQueuedAt());
			handedOver = true;
			perform(new Started(job.get(), run.get(), started.attempt(), started.control()));
		}
		finally {
			if (!handedOver) {
				this.running.release(jobId);
			}
		}
	}

	private Optional<BackupJob> currentJob(long jobId) {
		try {
			return Optional.of(this.jobs.get(jobId));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private void perform(Started started) {
		BackupJob job = started.job();
		long runId = started.run().getId();
		RunControl control = started.control();
		Transcript transcript = new Transcript();
		try {
			RunOutcome outcome = this.backup.perform(job, runId, started.run().getStartedAt(), control, transcript);
			this.recorder.succeed(runId, outcome, transcript);
			// AUTO tries it first next time
			this.jobs.rememberDataCommand(job.getId(), DataCommand.valueOf(outcome.transferModeUsed()));
			log.info("Run {} of job '{}' succeeded: {} files, {} bytes uploaded to {} via {}, verified by {}{}", runId,
					job.getName(), outcome.filesArchived(), outcome.bytesUploaded(), outcome.remotePath(),
					outcome.transferModeUsed(), outcome.verification(),
					outcome.pruned().isEmpty() ? "" : "; pruned " + outcome.pruned().size() + " old files");
		}
		catch (Throwable failure) {
			fail(started, failure, transcript);
			if (failure instanceof Error error) {
				throw error;
			}
		}
		finally {
			this.running.release(job.getId());
		}
	}

	private void fail(Started started, Throwable failure, Transcript transcript) {
		BackupJob job = started.job();
		long runId = started.run().getId();
		RunProgress.Snapshot progress = started.control().progress().snapshot();
		if (started.control().isCancelled()) {
			log.info("Run {} of job '{}' cancelled while {}", runId, job.getName(), progress.phase());
			boolean unclear = failure instanceof TransferException transfer && transfer.mayHavePublished();
			String message = "Cancelled on request while " + progress.phase() + ", after " + progress.bytesUploaded()
					+ " bytes were uploaded. " + (unclear ? failure.getMessage()
							: "No archive was published; the transcript shows the partial upload being removed.");
			this.recorder.end(runId,
					new RunRecorder.Ending(RunStatus.CANCELLED, "CANCELLED", message, progress, null, List.of()),
					transcript);
			return;
		}
		if (this.stopping) {
			log.warn("Run {} of job '{}' interrupted: the service is stopping", runId, job.getName());
			List<String> notes = new ArrayList<>();
			Instant retryAt = this.retries.after(job, started.run(), true, notes);
			this.recorder.end(runId,
					new RunRecorder.Ending(RunStatus.INTERRUPTED, "INTERRUPTED", STOPPED, progress, retryAt, notes),
					transcript);
			return;
		}
		RunFailure why = RunFailure.of(failure);
		log.warn("Run {} of job '{}' failed ({}): {}", runId, job.getName(), why.type(), why.message(),
				(why.type().equals("INTERNAL")) ? failure : null);
		List<String> notes = new ArrayList<>();
		Instant retryAt = this.retries.after(job, started.run(), why.transientFailure(), notes);
		this.recorder.end(runId,
				new RunRecorder.Ending(RunStatus.FAILED, why.type(), why.message(), progress, retryAt, notes),
				transcript);
	}

	/**
	 * Stops the manual runs: those under way are interrupted, those still queued never
	 * start; both are recorded as {@code INTERRUPTED} now rather than at the next start.
	 */
	@Override
	public void destroy() {
		this.stopping = true;
		for (Started queued : this.manualRuns.stop()) {
			if (this.recorder.endQueued(queued.run().getId(), RunStatus.INTERRUPTED, NOT_STARTED)) {
				// a run-now the stop kept from starting is tried again, as any
				// interrupted run
				List<String> notes = new ArrayList<>();
				Instant retryAt = this.retries.after(queued.job(), queued.run(), true, notes);
				if (!notes.isEmpty()) {
					this.recorder.retried(queued.run().getId(), retryAt, notes);
				}
			}
			this.running.release(queued.job().getId());
		}
	}

	/** A run whose record exists and whose job is claimed. */
	private record Started(BackupJob job, BackupRun run, Attempt attempt, RunControl control) {
	}

}
