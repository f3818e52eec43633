package dev.ferry.run;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Every heartbeat: records the progress of the runs under way here (which also says this
 * instance is alive), stops those someone asked to cancel (from any instance), and closes
 * as {@code INTERRUPTED} the runs of instances that went quiet.
 */
@Component
class RunWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RunWatch.class);

	private final RunRecorder recorder;

	private final RunningJobs running;

	private final RunProperties properties;

	private final Clock clock;

	private final AbandonedRuns abandoned;

	private ScheduledExecutorService executor;

	RunWatch(RunRecorder recorder, RunningJobs running, RunProperties properties, Clock clock,
			AbandonedRuns abandoned) {
		this.abandoned = abandoned;
		this.recorder = recorder;
		this.running = running;
		this.properties = properties;
		this.clock = clock;
	}

	void tick() {
		Collection<RunControl> local = this.running.all();
		List<Long> ids = local.stream().map(RunControl::runId).toList();
		for (RunControl control : local) {
			this.recorder.heartbeat(control.runId(), control.progress().snapshot());
		}
		for (long id : this.recorder.cancelRequested(ids)) {
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

	private void safeTick() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			log.warn("Recording run heartbeats failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("ferry-heartbeat-"));
		long millis = this.properties.heartbeat().toMillis();
		this.executor.scheduleWithFixedDelay(this::safeTick, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
