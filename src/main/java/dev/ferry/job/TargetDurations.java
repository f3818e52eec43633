package dev.ferry.job;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.boot.convert.DurationStyle;

/**
 * Reads and writes a target's timeouts as people write them: {@code 30s}, {@code 2m},
 * {@code PT1M}, or a bare number of seconds. Stored as whole seconds.
 */
final class TargetDurations {

	private TargetDurations() {
	}

	/** The duration in whole seconds, or {@code null} when none was given. */
	static Integer seconds(String text) {
		return (text != null && !text.isBlank()) ? (int) parse(text).toSeconds() : null;
	}

	static Duration duration(Integer seconds) {
		return (seconds != null) ? Duration.ofSeconds(seconds) : null;
	}

	static String text(Integer seconds) {
		return (seconds != null) ? DurationStyle.SIMPLE.print(Duration.ofSeconds(seconds), ChronoUnit.SECONDS) : null;
	}

	/**
	 * Checks a duration against its allowed range.
	 * @return why it is refused, or empty
	 */
	static Optional<String> problem(String text, Duration min, Duration max, boolean zeroAllowed) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		Duration duration;
		try {
			duration = parse(text);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("must be a duration such as 30s, 5m or PT1M, got '" + text + "'");
		}
		if (zeroAllowed && duration.isZero()) {
			return Optional.empty();
		}
		if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
			return Optional.of("must be between " + text(min) + " and " + text(max)
					+ (zeroAllowed ? " (or 0 to turn it off)" : ""));
		}
		return Optional.empty();
	}

	private static String text(Duration duration) {
		return DurationStyle.SIMPLE.print(duration, ChronoUnit.SECONDS);
	}

	private static Duration parse(String text) {
		return DurationStyle.detectAndParse(text.strip(), ChronoUnit.SECONDS);
	}

}
