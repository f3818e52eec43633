package dev.ferry.run;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the scheduler fires anything, closes the runs that can never finish
 * now: those this instance left {@code RUNNING} when it stopped (killed, crashed, node
 * lost), and those of other instances that stopped sending heartbeats. Runs of other
 * instances that are alive are left alone.
 */
@Component
class RunRecovery implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

	private final RunRecorder recorder;

	private final RunProperties properties;

	private final Clock clock;

	private final AbandonedRuns abandoned;

	RunRecovery(RunRecorder recorder, RunProperties properties, Clock clock, AbandonedRuns abandoned) {
		this.abandoned = abandoned;
		this.recorder = recorder;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (BackupRun run : this.abandoned.close(true, this.clock.instant().minus(this.properties.staleAfter()),
				List.of())) {
			log.warn("Run {} of job '{}' was left running by {}; marked INTERRUPTED", run.getId(), run.getJobName(),
					this.recorder.instance().equals(run.getOwner()) ? "a previous process of this instance"
							: "instance " + run.getOwner());
		}
	}

}
