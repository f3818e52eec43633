package dev.ferry.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How runs execute.
 *
 * @param manualThreads how many runs started with "run now" may execute at the same time
 * @param heartbeat how often a run under way records its progress and that its instance
 * is alive, and checks whether someone asked to cancel it
 * @param staleAfter after how long without a heartbeat a run is taken for abandoned (its
 * instance died) and marked INTERRUPTED by whichever instance notices
 * @param instanceId this instance's name in the runs it owns; the host name by default,
 * which stays the same across restarts of one machine or StatefulSet pod
 */
@ConfigurationProperties("ferry.runs")
record RunProperties(Integer manualThreads, Duration heartbeat, Duration staleAfter, String instanceId) {

	RunProperties {
		if (manualThreads == null) {
			manualThreads = 2;
		}
		if (manualThreads < 1) {
			throw new IllegalArgumentException("ferry.runs.manual-threads must be at least 1, got " + manualThreads);
		}
		if (heartbeat == null) {
			heartbeat = Duration.ofSeconds(2);
		}
		if (heartbeat.isNegative() || heartbeat.isZero()) {
			throw new IllegalArgumentException("ferry.runs.heartbeat must be positive, got " + heartbeat);
		}
		if (staleAfter == null) {
			staleAfter = Duration.ofSeconds(60);
		}
		if (staleAfter.compareTo(heartbeat.multipliedBy(5)) < 0) {
			throw new IllegalArgumentException("ferry.runs.stale-after (" + staleAfter
					+ ") must be at least five heartbeats (" + heartbeat.multipliedBy(5) + ")");
		}
		if (instanceId == null || instanceId.isBlank()) {
			instanceId = hostName();
		}
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "ferry";
		}
	}

}
