package dev.ferry.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.system.ConflictException;
import dev.ferry.transfer.DataCommand;
import dev.ferry.transfer.TransferException;
import dev.ferry.transfer.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a backup from start to end: record the run, stream the archive into the upload,
 * prune, record the outcome, and schedule a retry after a transient failure. Whatever
 * happens, a run that was recorded as {@code RUNNING} is closed.
 */
@Service
public class BackupRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BackupRunner.class);

	/** How long stopping waits for interrupted runs to record themselves. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private static final String NOT_STARTED = "The service stopped before this run started.";

	private static final String STOPPED = "The service stopped while this run was under way; the upload did not complete.";

	private final JobService jobs;

	private final RunRecorder recorder;

	private final RunningJobs running;

	private final StreamedBackup backup;

	private final RetryScheduler retryScheduler;

	private final Retries retries;

	private final ExecutorService manualRuns;

	private volatile boolean stopping;

	BackupRunner(JobService jobs, RunRecorder recorder, RunningJobs running, StreamedBackup backup,
			RetryScheduler retryScheduler, Retries retries, RunProperties properties) {
		this.jobs = jobs;
		this.recorder = recorder;
		this.running = running;
		this.backup = backup;
		this.retryScheduler = retryScheduler;
		this.retries = retries;
		this.manualRuns = Executors.newFixedThreadPool(properties.manualThreads(),
				new CustomizableThreadFactory("ferry-run-"));
	}

	/**
	 * Starts a run of the job now, in the background.
	 * @return the run, recorded as {@code RUNNING}
	 * @throws ConflictException when the job is already running
	 */
	public BackupRun startManual(long jobId) {
		BackupJob job = this.jobs.get(jobId);
		Started started = begin(job, RunTrigger.MANUAL, Attempt.FIRST).orElseThrow(() -> alreadyRunning(job));
		try {
			this.manualRuns.execute(new ManualRun(started));
			return started.run();
		}
		catch (RejectedExecutionException ex) {
			// Only while the service stops: the run must not stay RUNNING.
			this.recorder.end(started.run().getId(), RunStatus.INTERRUPTED, "INTERRUPTED", NOT_STARTED, null);
			this.running.release(jobId);
			throw new IllegalStateException("The service is stopping; run " + started.run().getId() + " did not start",
					ex);
		}
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
		Optional<Started> started = begin(job, trigger, attempt);
		if (started.isEmpty()) {
			log.info("Skipping the {} run of job '{}': {}", trigger, job.getName(), alreadyRunning(job).getMessage());
			return;
		}
		perform(started.get());
	}

	/**
	 * Stops a run under way: the transfer is aborted and the partial upload removed; the
	 * run ends {@code CANCELLED} within seconds. A run on another instance is stopped by
	 * that instance at its next heartbeat.
	 * @return the run, still {@code RUNNING} until it has stopped
	 * @throws ConflictException when the run has already ended
	 */
	public BackupRun cancel(long runId) {
		BackupRun run = this.recorder.get(runId);
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
	 * Claims the job and records its run; empty when a run of the job is under way here
	 * or on another instance.
	 */
	private Optional<Started> begin(BackupJob job, RunTrigger trigger, Attempt attempt) {
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
			BackupRun run = this.recorder.start(job, trigger, attempt);
			RunControl control = this.running.started(jobId, run.getId());
			log.info("Run {} of job '{}' started ({}{})", run.getId(), job.getName(), trigger,
					(attempt.number() > 1) ? ", attempt " + attempt.number() : "");
			return Optional.of(new Started(job, run, attempt, control));
		}
		catch (RuntimeException ex) {
			this.running.release(jobId);
			throw ex;
		}
	}

	private ConflictException alreadyRunning(BackupJob job) {
		Long runId = this.running.runOf(job.getId())
			.or(() -> this.recorder.running(job.getId()).map(BackupRun::getId))
			.orElse(null);
		return new ConflictException(
				"Job '" + job.getName() + "' is already running" + ((runId != null) ? " (run " + runId + ")" : ""),
				(runId != null) ? Map.of("runId", runId) : Map.of());
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
		for (Runnable queued : this.manualRuns.shutdownNow()) {
			if (queued instanceof ManualRun manual) {
				List<String> notes = new ArrayList<>();
				Instant retryAt = this.retries.after(manual.started.job(), manual.started.run(), true, notes);
				this.recorder.end(manual.started.run().getId(),
						new RunRecorder.Ending(RunStatus.INTERRUPTED, "INTERRUPTED", NOT_STARTED, null, retryAt, notes),
						null);
				this.running.release(manual.started.job().getId());
			}
		}
		try {
			// let the runs under way record that they were interrupted (and their retry)
			// while the database is still there
			if (!this.manualRuns.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Manual runs still under way after {}; the next start marks them INTERRUPTED", STOP_WAIT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A run whose record exists and whose job is claimed. */
	private record Started(BackupJob job, BackupRun run, Attempt attempt, RunControl control) {
	}

	/** A run started with "run now", waiting for or using one of the manual threads. */
	private final class ManualRun implements Runnable {

		private final Started started;

		ManualRun(Started started) {
			this.started = started;
		}

		@Override
		public void run() {
			perform(this.started);
		}

	}

}
