package dev.ferry.run;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.system.ConflictException;
import dev.ferry.transfer.DataCommand;
import dev.ferry.transfer.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a backup from start to end: record the run, stream the archive into the upload,
 * record the outcome. Whatever happens, a run that was recorded as {@code RUNNING} is
 * closed.
 */
@Service
public class BackupRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BackupRunner.class);

	private static final String NOT_STARTED = "The service stopped before this run started.";

	private static final String STOPPED = "The service stopped while this run was under way; the upload did not complete.";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final JobService jobs;

	private final RunRecorder recorder;

	private final RunningJobs running;

	private final StreamedBackup backup;

	private final ExecutorService manualRuns;

	private volatile boolean stopping;

	BackupRunner(JobService jobs, RunRecorder recorder, RunningJobs running, StreamedBackup backup,
			RunProperties properties) {
		this.jobs = jobs;
		this.recorder = recorder;
		this.running = running;
		this.backup = backup;
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
		if (!this.running.claim(jobId)) {
			Long runId = this.running.runOf(jobId).orElse(null);
			throw new ConflictException(
					"Job '" + job.getName() + "' is already running" + ((runId != null) ? " (run " + runId + ")" : ""),
					(runId != null) ? Map.of("runId", runId) : Map.of());
		}
		BackupRun run;
		try {
			run = start(job, RunTrigger.MANUAL);
		}
		catch (RuntimeException ex) {
			this.running.release(jobId);
			throw ex;
		}
		try {
			this.manualRuns.execute(new ManualRun(run, job));
			return run;
		}
		catch (RejectedExecutionException ex) {
			// Only while the service stops: the run must not stay RUNNING.
			this.recorder.end(run.getId(), RunStatus.INTERRUPTED, "INTERRUPTED", NOT_STARTED, null);
			this.running.release(jobId);
			throw new IllegalStateException("The service is stopping; run " + run.getId() + " did not start", ex);
		}
	}

	/**
	 * Runs the job in the calling thread, as its schedule asks. Skipped (and logged) when
	 * the job no longer exists or a run of it is still under way.
	 */
	public void runScheduled(long jobId) {
		BackupJob job;
		try {
			job = this.jobs.get(jobId);
		}
		catch (RuntimeException ex) {
			log.warn("Schedule fired for job id {}, which cannot be loaded: {}", jobId, ex.getMessage());
			return;
		}
		if (!this.running.claim(jobId)) {
			log.info("Skipping the scheduled run of job '{}': run {} is still under way", job.getName(),
					this.running.runOf(jobId).orElse(null));
			return;
		}
		BackupRun run;
		try {
			run = start(job, RunTrigger.SCHEDULE);
		}
		catch (RuntimeException ex) {
			this.running.release(jobId);
			throw ex;
		}
		perform(run, job);
	}

	private BackupRun start(BackupJob job, RunTrigger trigger) {
		BackupRun run = this.recorder.start(job, trigger);
		this.running.started(job.getId(), run.getId());
		log.info("Run {} of job '{}' started ({})", run.getId(), job.getName(), trigger);
		return run;
	}

	private void perform(BackupRun run, BackupJob job) {
		Transcript transcript = new Transcript();
		try {
			RunOutcome outcome = this.backup.perform(job.archiveSpec(), job.getTarget().toFtpTarget(),
					archiveName(job, run), transcript);
			this.recorder.succeed(run.getId(), outcome, transcript);
			// AUTO tries it first next time
			this.jobs.rememberDataCommand(job.getId(), DataCommand.valueOf(outcome.transferModeUsed()));
			log.info("Run {} of job '{}' succeeded: {} files, {} bytes uploaded to {} via {}", run.getId(),
					job.getName(), outcome.filesArchived(), outcome.bytesUploaded(), outcome.remotePath(),
					outcome.transferModeUsed());
		}
		catch (Throwable failure) {
			if (this.stopping) {
				log.warn("Run {} of job '{}' interrupted: the service is stopping", run.getId(), job.getName());
				this.recorder.end(run.getId(), RunStatus.INTERRUPTED, "INTERRUPTED", STOPPED, transcript);
				return;
			}
			RunFailure why = RunFailure.of(failure);
			log.warn("Run {} of job '{}' failed ({}): {}", run.getId(), job.getName(), why.type(), why.message(),
					(why.type().equals("INTERNAL")) ? failure : null);
			this.recorder.end(run.getId(), RunStatus.FAILED, why.type(), why.message(), transcript);
			if (failure instanceof Error error) {
				throw error;
			}
		}
		finally {
			this.running.release(job.getId());
		}
	}

	static String archiveName(BackupJob job, BackupRun run) {
		return job.getName() + "-" + STAMP.format(run.getStartedAt()) + job.getArchiveFormat().extension();
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
				this.recorder.end(manual.run.getId(), RunStatus.INTERRUPTED, "INTERRUPTED", NOT_STARTED, null);
				this.running.release(manual.job.getId());
			}
		}
	}

	/** A run started with "run now", waiting for or using one of the manual threads. */
	private final class ManualRun implements Runnable {

		private final BackupRun run;

		private final BackupJob job;

		ManualRun(BackupRun run, BackupJob job) {
			this.run = run;
			this.job = job;
		}

		@Override
		public void run() {
			perform(this.run, this.job);
		}

	}

}
