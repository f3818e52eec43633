package dev.ferry.run;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.system.ConflictException;
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

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final JobService jobs;

	private final RunRecorder recorder;

	private final RunningJobs running;

	private final StreamedBackup backup;

	private final ExecutorService manualRuns;

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
		try {
			BackupRun run = start(job, RunTrigger.MANUAL);
			this.manualRuns.execute(() -> perform(run, job));
			return run;
		}
		catch (RuntimeException ex) {
			this.running.release(jobId);
			throw ex;
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
		try {
			RunOutcome outcome = this.backup.perform(job.archiveSpec(), job.getTarget().toFtpTarget(),
					archiveName(job, run));
			this.recorder.succeed(run.getId(), outcome);
			log.info("Run {} of job '{}' succeeded: {} files, {} bytes uploaded to {} via {}", run.getId(),
					job.getName(), outcome.filesArchived(), outcome.bytesUploaded(), outcome.remotePath(),
					outcome.transferModeUsed());
		}
		catch (Throwable failure) {
			RunFailure why = RunFailure.of(failure);
			log.warn("Run {} of job '{}' failed ({}): {}", run.getId(), job.getName(), why.type(), why.message(),
					(why.type().equals("INTERNAL")) ? failure : null);
			this.recorder.end(run.getId(), RunStatus.FAILED, why.type(), why.message());
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

	@Override
	public void destroy() {
		this.manualRuns.shutdownNow();
	}

}
