package dev.ferry.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * How runs execute.
 *
 * @param manualThreads How many "run now" runs may execute at the same time.
 * @param manualQueue How many "run now" runs may wait (QUEUED) for one of those threads;
 * one more is refused with 429 Too Many Requests. 0 refuses every run that cannot start
 * at once.
 * @param heartbeat How often a running run records its progress and that this instance is
 * alive, and checks whether someone asked to cancel it.
 * @param staleAfter After how long without a heartbeat a run is taken for abandoned (its
 * instance died) and marked INTERRUPTED by whichever instance notices. At least five
 * heartbeats.
 * @param instanceId This instance's name in the runs it owns (empty = the host name,
 * which stays the same across restarts of one machine or StatefulSet pod).
 * @param keepHistory How long the run history keeps a run after it ended, e.g. 400d or
 * 90d (a bare number would mean milliseconds, so it is refused). Older runs are deleted
 * with their transcripts, warnings and pruned lists at start-up and every 6 hours, but
 * never a job's newest successful run, nor a run that is queued or running. At least 1d;
 * 0 keeps every run forever.
 */
@ConfigurationProperties("ferry.runs")
record RunProperties(@DefaultValue(MANUAL_THREADS) Integer manualThreads,
		@DefaultValue(MANUAL_QUEUE) Integer manualQueue, @DefaultValue(HEARTBEAT) Duration heartbeat,
		@DefaultValue(STALE_AFTER) Duration staleAfter, String instanceId,
		@DefaultValue(KEEP_HISTORY) Duration keepHistory) {

	static final String MANUAL_THREADS = "2";

	static final String MANUAL_QUEUE = "50";

	static final String HEARTBEAT = "2s";

	static final String STALE_AFTER = "60s";

	static final String KEEP_HISTORY = "400d";

	RunProperties {
		// binding applies @DefaultValue; a null from code takes the same default
		manualThreads = (manualThreads != null) ? manualThreads : Integer.valueOf(MANUAL_THREADS);
		manualQueue = (manualQueue != null) ? manualQueue : Integer.valueOf(MANUAL_QUEUE);
		heartbeat = (heartbeat != null) ? heartbeat : DurationStyle.detectAndParse(HEARTBEAT);
		staleAfter = (staleAfter != null) ? staleAfter : DurationStyle.detectAndParse(STALE_AFTER);
		keepHistory = (keepHistory != null) ? keepHistory : DurationStyle.detectAndParse(KEEP_HISTORY);
		if (manualThreads < 1) {
			throw new IllegalArgumentException("ferry.runs.manual-threads must be at least 1, got " + manualThreads);
		}
		if (manualQueue < 0) {
			throw new IllegalArgumentException("ferry.runs.manual-queue must be 0 or more, got " + manualQueue);
		}
		// a bare number is read as milliseconds: "400" must not wipe the history
		if (keepHistory.isNegative() || (!keepHistory.isZero() && keepHistory.compareTo(Duration.ofDays(1)) < 0)) {
			throw new IllegalArgumentException(
					"ferry.runs.keep-history must be 0 (keep forever) or at least 1d (e.g. 400d), got " + keepHistory);
		}
		if (heartbeat.isNegative() || heartbeat.isZero()) {
			throw new IllegalArgumentException("ferry.runs.heartbeat must be positive, got " + heartbeat);
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
