package dev.ferry.run;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Which jobs have a run under way in this service, so that a job never runs twice at once
 * whether its schedule fired or someone asked for a run; and each such run's
 * {@link RunControl}.
 */
@Component
class RunningJobs {

	/** Holds a claimed job until its run's record exists. */
	private static final RunControl STARTING = new RunControl(-1, -1);

	private final Map<Long, RunControl> byJob = new ConcurrentHashMap<>();

	/** Claims the job; false when it is already claimed. */
	boolean claim(long jobId) {
		return this.byJob.putIfAbsent(jobId, STARTING) == null;
	}

	RunControl started(long jobId, long runId) {
		RunControl control = new RunControl(jobId, runId);
		this.byJob.replace(jobId, control);
		return control;
	}

	void release(long jobId) {
		this.byJob.remove(jobId);
	}

	/** The run under way for the job, once its record exists. */
	Optional<Long> runOf(long jobId) {
		return Optional.ofNullable(this.byJob.get(jobId)).filter((c) -> c != STARTING).map(RunControl::runId);
	}

	/** The control of a run under way in this service. */
	Optional<RunControl> control(long runId) {
		return all().stream().filter((c) -> c.runId() == runId).findFirst();
	}

	/** The runs under way in this service. */
	Collection<RunControl> all() {
		return List.copyOf(this.byJob.values().stream().filter((c) -> c != STARTING).toList());
	}

}
