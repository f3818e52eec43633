package dev.ferry.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Which jobs have a run under way in this service, so that a job never runs twice at once
 * whether its schedule fired or someone asked for a run.
 */
@Component
class RunningJobs {

	private static final long STARTING = 0L;

	private final Map<Long, Long> runIdByJob = new ConcurrentHashMap<>();

	/** Claims the job; false when it is already claimed. */
	boolean claim(long jobId) {
		return this.runIdByJob.putIfAbsent(jobId, STARTING) == null;
	}

	void started(long jobId, long runId) {
		this.runIdByJob.replace(jobId, runId);
	}

	void release(long jobId) {
		this.runIdByJob.remove(jobId);
	}

	/** The run under way for the job, once its record exists. */
	Optional<Long> runOf(long jobId) {
		return Optional.ofNullable(this.runIdByJob.get(jobId)).filter((id) -> id != STARTING);
	}

}
