package dev.ferry.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How runs execute.
 *
 * @param manualThreads how many runs started with "run now" may execute at the same time
 * @param manualQueue how many "run now" runs may wait ({@code QUEUED}) for one of those
 * threads; one more is refused with 429. {@code 0} refuses every run that cannot start at
 * once
 * @param heartbeat how often a run under way records its progress and that its instance
 * is alive, and checks whether someone asked to cancel it
 * @param staleAfter after how long without a heartbeat a run is taken for abandoned (its
 * instance died) and marked INTERRUPTED by whichever instance notices
 * @param instanceId this instance's name in the runs it owns; the host name by default,
 * which stays the same across restarts of one machine or StatefulSet pod
 * @param keepHistory how long the history keeps a run after it ended ({@code 400d} by
 * default, at least {@code 1d}); older runs are deleted with their transcripts, warnings
 * and pruned lists, but never a job's newest successful run. {@code 0} keeps every run
 * forever
 */
@ConfigurationProperties("ferry.runs")
record RunProperties(Integer manualThreads, Integer manualQueue, Duration heartbeat, Duration staleAfter,
		String instanceId, Duration keepHistory) {

	RunProperties {
		if (manualThreads == null) {
			manualThreads = 2;
		}
		if (manualThreads < 1) {
			throw new IllegalArgumentException("ferry.runs.manual-threads must be at least 1, got " + manualThreads);
		}
		if (manualQueue == null) {
			manualQueue = 50;
		}
		if (manualQueue < 0) {
			throw new IllegalArgumentException("ferry.runs.manual-queue must be 0 or more, got " + manualQueue);
		}
		if (keepHistory == null) {
			keepHistory = Duration.ofDays(400);
		}
		// a bare number is read as milliseconds: "400" must not wipe the history
		if (keepHistory.isNegative() || (!keepHistory.isZero() && keepHistory.compareTo(Duration.ofDays(1)) < 0)) {
			throw new IllegalArgumentException(
					"ferry.runs.keep-history must be 0 (keep forever) or at least 1d (e.g. 400d), got " + keepHistory);
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
