package dev.ferry.run;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "run now" runs: each starts on a free manual worker, or waits {@code QUEUED} for
 * one (see {@link ManualQueue}), holding its job meanwhile. A run that waited starts as
 * its job is now, with its own start time; one whose job was deleted or that was
 * cancelled meanwhile never starts.
 */
final class ManualRuns {

	private static final Logger log = LoggerFactory.getLogger(ManualRuns.class);

	private final ManualQueue<ClaimedRun> queue;

	private final JobService jobs;

	private final RunRecorder recorder;

	private final Liveness liveness;

	private final OutcomeRecorder outcomes;

	private final Consumer<ClaimedRun> perform;

	/**
	 * @param perform runs a run that has started, and frees its job when it ends
	 */
	ManualRuns(RunProperties properties, JobService jobs, RunRecorder recorder, Liveness liveness,
			OutcomeRecorder outcomes, Consumer<ClaimedRun> perform) {
		this.queue = new ManualQueue<>(properties.manualThreads(), properties.manualQueue(), this::work,
				(claimed) -> claimed.run().getId());
		this.jobs = jobs;
		this.recorder = recorder;
		this.liveness = liveness;
		this.outcomes = outcomes;
		this.perform = perform;
	}

	/**
	 * Admits a run, to a free worker or to the queue.
	 * @param begin claims the job and records the run, {@code QUEUED} when told it has to
	 * wait ({@code true}); what it throws refuses the run
	 * @return the run, as recorded
	 * @throws RunQueueFullException when the run would have to wait and the queue is full
	 */
	ClaimedRun admit(Function<Boolean, ClaimedRun> begin) {
		return this.queue.admit((wait) -> {
			ClaimedRun claimed = begin.apply(wait);
			if (wait) {
				long runId = claimed.run().getId();
				claimed.control().waiting(() -> this.queue.remove(runId).isPresent());
			}
			return claimed;
		});
	}

	/**
	 * Stops the workers: the runs under way are interrupted; those still queued never
	 * start, and end {@code INTERRUPTED} now rather than at the next start.
	 */
	void stop() {
		for (ClaimedRun queued : this.queue.stop()) {
			this.outcomes.neverStarted(queued);
			this.liveness.release(queued.control());
		}
	}

	/** What a manual worker does: a run that waited starts now, as the job is now. */
	private void work(ClaimedRun claimed) {
		if (claimed.run().getStatus() != RunStatus.QUEUED) {
			this.perform.accept(claimed);
			return;
		}
		claimed.control().leftQueue();
		long runId = claimed.run().getId();
		boolean handedOver = false;
		try {
			Optional<BackupJob> job = currentJob(claimed.job().getId());
			if (job.isEmpty()) {
				this.recorder.endQueued(runId, FailureType.CANCELLED,
						"The job was deleted while this run was queued; it never started.");
				return;
			}
			Optional<BackupRun> run = this.recorder.startQueued(runId);
			if (run.isEmpty()) {
				log.info("Run {} of job '{}' is no longer queued (cancelled or interrupted meanwhile); not started",
						runId, claimed.job().getName());
				return;
			}
			log.info("Run {} of job '{}' started after waiting since {}", runId, job.get().getName(),
					run.get().getQueuedAt());
			handedOver = true;
			this.perform.accept(new ClaimedRun(job.get(), run.get(), claimed.control()));
		}
		finally {
			if (!handedOver) {
				this.liveness.release(claimed.control());
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

}
