package dev.ferry.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the scheduler fires anything, closes the runs that an earlier
 * process left {@code RUNNING} when it stopped: they can never finish now.
 */
@Component
class RunRecovery implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

	private final RunRecorder recorder;

	RunRecovery(RunRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (BackupRun run : this.recorder.interruptAll(
				"The service stopped while this run was under way; the upload did not complete. The next run starts afresh.")) {
			log.warn("Run {} of job '{}' was left running by a previous process; marked INTERRUPTED", run.getId(),
					run.getJobName());
		}
	}

}
