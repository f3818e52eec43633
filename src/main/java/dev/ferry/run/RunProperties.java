package dev.ferry.run;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How runs execute.
 *
 * @param manualThreads how many runs started with "run now" may execute at the same time
 */
@ConfigurationProperties("ferry.runs")
record RunProperties(Integer manualThreads) {

	RunProperties {
		if (manualThreads == null) {
			manualThreads = 2;
		}
		if (manualThreads < 1) {
			throw new IllegalArgumentException("ferry.runs.manual-threads must be at least 1, got " + manualThreads);
		}
	}

}
