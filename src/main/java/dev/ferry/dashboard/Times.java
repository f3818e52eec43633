package dev.ferry.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the pages show instants: UTC to the second in the HTML (the browser turns it into
 * local time, keeping UTC on hover), and ages such as "7 h ago".
 */
final class Times {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private Times() {
	}

	static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : null;
	}

	static String age(Instant instant, Instant now) {
		if (instant == null) {
			return null;
		}
		long seconds = Math.max(0, Duration.between(instant, now).toSeconds());
		if (seconds < 60) {
			return seconds + " s ago";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min ago";
		}
		if (seconds < 2 * 86400) {
			return (seconds / 3600) + " h ago";
		}
		return (seconds / 86400) + " days ago";
	}

}
