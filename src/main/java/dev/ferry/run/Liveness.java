package dev.ferry.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferry.job.BackupJob;
import dev.ferry.system.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Which runs are alive, across instances, in one place:
 * <ul>
 * <li>one run per job: a job is held by at most one run, queued or running, here
 * ({@link #claim}) or on any instance (its row in the history);</li>
 * <li>the heartbeat: every {@code ferry.runs.heartbeat} the progress of the runs under
 * way here, and that this instance is alive for those queued here;</li>
 * <li>the cancel flag: any instance sets it on the run ({@link #cancel}); the owner stops
 * the run at once when it is here, else at its next heartbeat;</li>
 * <li>stale runs: those whose instance stopped (seen at start-up) or went quiet (seen at
 * every heartbeat) are closed {@code INTERRUPTED} and retried as the job says.</li>
 * </ul>
 */
@Component
class Liveness extends PeriodicTask implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Liveness.class);

	private static final String CANCELLED_QUEUED = "Cancelled on request while queued: it never started, "
			+ "and nothing was uploaded.";

	/** The jobs held by runs of this service. */
	private final Map<Long, RunControl> byJob = new ConcurrentHashMap<>();

	private final LivenessRecords records;

	private final RunRecorder recorder;

	private final OutcomeRecorder outcomes;

	private final Duration heartbeat;

	private final Duration staleAfter;

	private final Clock clock;

	Liveness(LivenessRecords records, RunRecorder recorder, OutcomeRecorder outcomes, RunProperties properties,
			Clock clock) {
		super("ferry-heartbeat-");
		this.records = records;
		this.recorder = recorder;
		this.outcomes = outcomes;
		this.heartbeat = properties.heartbeat();
		this.staleAfter = properties.staleAfter();
		this.clock = clock;
	}

	/**
	 * Holds the job for a run of this service, which the caller then records (see
	 * {@link RunControl#recorded}) and finally {@link #release}s.
	 * @return empty when a run of the job is under way or queued, here or on any instance
	 */
	Optional<RunControl> claim(long jobId) {
		RunControl control = new RunControl(jobId);
		if (this.byJob.putIfAbsent(jobId, control) != null) {
			return Optional.empty();
		}
		try {
			if (this.records.activeRun(jobId).isPresent()) {
				release(control);
				return Optional.empty();
			}
			return Optional.of(control);
		}
		catch (RuntimeException ex) {
			release(control);
			throw ex;
		}
	}

	/** Frees the job this control holds (and never a later run's hold on it). */
	void release(RunControl control) {
		this.byJob.remove(control.jobId(), control);
	}

	/** Whether a run of this service holds the job. */
	boolean holds(long jobId) {
		return Optional.ofNullable(this.byJob.get(jobId)).filter(RunControl::isRecorded).isPresent();
	}

	/** The live progress of a run under way in this service. */
	Optional<RunProgress.Snapshot> progress(long runId) {
		return control(runId).map((control) -> control.progress().snapshot());
	}

	/** Why a run of the job cannot start now: 409, naming the run that holds it. */
	ConflictException busy(BackupJob job) {
		Optional<BackupRun> holder = Optional.ofNullable(this.byJob.get(job.getId()))
			.filter(RunControl::isRecorded)
			.flatMap((control) -> this.recorder.find(control.runId()))
			.or(() -> this.records.activeRun(job.getId()));
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

	/**
	 * Stops a run: a queued one ends {@code CANCELLED} at once and never starts; one
	 * under way gets the cancel flag, and stops within seconds here, or at its instance's
	 * next heartbeat.
	 * @return the run, still {@code RUNNING} until it has stopped
	 * @throws ConflictException when the run has already ended
	 */
	BackupRun cancel(long runId) {
		BackupRun run = this.recorder.get(runId);
		if (run.getStatus() == RunStatus.QUEUED && cancelQueued(run)) {
			return this.recorder.get(runId);
		}
		if (!this.records.requestCancel(runId)) {
			BackupRun ended = this.recorder.get(runId);
			throw new ConflictException("Run " + runId + " has already ended: " + ended.getStatus(),
					Map.of("runId", runId, "status", ended.getStatus().name()));
		}
		control(runId).ifPresentOrElse((control) -> {
			log.info("Cancelling run {} of job '{}'", runId, run.getJobName());
			control.cancel();
		}, () -> log.info("Run {} of job '{}' runs on instance {}; it stops at that instance's next heartbeat", runId,
				run.getJobName(), run.getOwner()));
		return this.recorder.get(runId);
	}

	/** Ends a queued run before it starts; false when it started meanwhile. */
	private boolean cancelQueued(BackupRun run) {
		// out of the queue here first, so that no worker starts it meanwhile
		control(run.getId()).filter(RunControl::dequeue).ifPresent(this::release);
		boolean cancelled = this.recorder.endQueued(run.getId(), FailureType.CANCELLED, CANCELLED_QUEUED);
		if (cancelled) {
			log.info("Queued run {} of job '{}' cancelled before it started", run.getId(), run.getJobName());
		}
		return cancelled;
	}

	/**
	 * Every heartbeat: writes the progress of the runs here, acts on cancel requests made
	 * on other instances, and closes the runs of instances that went quiet.
	 */
	void beat() {
		List<RunControl> here = List.copyOf(this.byJob.values()).stream().filter(RunControl::isRecorded).toList();
		List<Long> ids = here.stream().map(RunControl::runId).toList();
		here.stream()
			.filter((control) -> !control.isQueued())
			.forEach((control) -> this.records.heartbeat(control.runId(), control.progress().snapshot()));
		this.records.heartbeatQueued(here.stream().filter(RunControl::isQueued).map(RunControl::runId).toList());
		for (long id : this.records.cancelRequested(ids)) {
			control(id).ifPresent(this::cancelledElsewhere);
		}
		closeAbandoned(false, ids);
	}

	private void cancelledElsewhere(RunControl control) {
		if (control.dequeue()) {
			release(control);
			log.info("Queued run {} was cancelled on another instance; it will not start", control.runId());
		}
		else if (!control.isCancelled()) {
			log.info("Run {} is being cancelled at a request made to another instance", control.runId());
			control.cancel();
		}
	}

	/**
	 * At start-up, before the scheduler fires anything: the runs this instance left
	 * running or queued when it stopped (killed, crashed, node lost) can never finish,
	 * nor can those of instances that went quiet meanwhile.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		closeAbandoned(true, List.of());
	}

	/**
	 * @param mine whether every run this instance owns is abandoned (at start-up)
	 * @param here runs under way or queued in this service, never abandoned
	 */
	private void closeAbandoned(boolean mine, List<Long> here) {
		Instant staleBefore = this.clock.instant().minus(this.staleAfter);
		for (BackupRun run : this.records.interruptAbandoned(mine, staleBefore, here)) {
			if (this.records.isMine(run)) {
				log.warn("Run {} of job '{}' was left {} by a previous process of this instance; marked INTERRUPTED",
						run.getId(), run.getJobName(), (run.getStartedAt() != null) ? "running" : "queued");
			}
			else {
				log.warn("Run {} of job '{}' on instance {} sent no heartbeat since {}; marked INTERRUPTED",
						run.getId(), run.getJobName(), run.getOwner(), run.getHeartbeatAt());
			}
			this.outcomes.retryInterrupted(run);
		}
	}

	private Optional<RunControl> control(long runId) {
		return this.byJob.values().stream().filter((control) -> control.runId() == runId).findFirst();
	}

	@Override
	void runOnce() {
		try {
			beat();
		}
		catch (RuntimeException ex) {
			log.warn("Recording run heartbeats failed: {}", ex.getMessage());
		}
	}

	@Override
	Duration initialDelay() {
		return this.heartbeat;
	}

	@Override
	Duration delay() {
		return this.heartbeat;
	}

}
