package dev.ferry.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scheduled runs execute, under {@code ferry.scheduler}.
 *
 * @param threads How many scheduled runs may execute at the same time (Quartz worker
 * threads).
 */
@ConfigurationProperties("ferry.scheduler")
record SchedulerProperties(@DefaultValue("4") int threads) {

	SchedulerProperties {
		if (threads < 1) {
			throw new IllegalArgumentException("ferry.scheduler.threads must be at least 1, got " + threads);
		}
	}

}
