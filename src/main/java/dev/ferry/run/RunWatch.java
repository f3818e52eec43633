package dev.ferry.run;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every heartbeat: records the progress of the runs under way here and the liveness of
 * those queued here (which says this instance is alive), stops those someone asked to
 * cancel (from any instance) and forgets queued ones another instance cancelled, and
 * closes as {@code INTERRUPTED} the runs (running or queued) of instances that went
 * quiet.
 */
@Component
class RunWatch extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(RunWatch.class);

	private final RunRecorder recorder;

	private final RunningJobs running;

	private final BackupRunner runner;

	private final RunProperties properties;

	private final Clock clock;

	private final AbandonedRuns abandoned;

	RunWatch(RunRecorder recorder, RunningJobs running, BackupRunner runner, RunProperties properties, Clock clock,
			AbandonedRuns abandoned) {
		super("ferry-heartbeat-");
		this.abandoned = abandoned;
		this.recorder = recorder;
		this.running = running;
		this.runner = runner;
		this.properties = properties;
		this.clock = clock;
	}

	void tick() {
		Collection<RunControl> local = this.running.all();
		List<Long> ids = local.stream().map(RunControl::runId).toList();
		List<Long> queued = this.runner.queuedRunIds();
		for (RunControl control : local) {
			if (!queued.contains(control.runId())) {
				this.recorder.heartbeat(control.runId(), control.progress().snapshot());
			}
		}
		this.recorder.heartbeatQueued(queued);
		for (long id : this.recorder.cancelRequested(ids)) {
			if (this.runner.dropQueued(id)) {
				log.info("Queued run {} was cancelled on another instance; it will not start", id);
				continue;
			}
			this.running.control(id).filter((c) -> !c.isCancelled()).ifPresent((control) -> {
				log.info("Run {} is being cancelled at a request made to another instance", id);
				control.cancel();
			});
		}
		for (BackupRun run : this.abandoned.close(false, this.clock.instant().minus(this.properties.staleAfter()),
				ids)) {
			log.warn("Run {} of job '{}' on instance {} sent no heartbeat since {}; marked INTERRUPTED", run.getId(),
					run.getJobName(), run.getOwner(), run.getHeartbeatAt());
		}
	}

	@Override
	void runOnce() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			log.warn("Recording run heartbeats failed: {}", ex.getMessage());
		}
	}

	@Override
	Duration initialDelay() {
		return this.properties.heartbeat();
	}

	@Override
	Duration delay() {
		return this.properties.heartbeat();
	}

}
