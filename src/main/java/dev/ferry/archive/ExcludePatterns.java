package dev.ferry.archive;

import java.util.Optional;

/**
 * Checks exclude patterns before they are stored, so a bad one is reported to the user
 * rather than at backup time. Patterns are globs relative to each source directory,
 * {@code /} separated: {@code *} and {@code ?} stay within one name, {@code **} spans any
 * number of directories, and a trailing {@code /} matches directories only.
 */
public final class ExcludePatterns {

	private ExcludePatterns() {
	}

	/**
	 * Returns why {@code pattern} cannot be used as an exclude, or empty if it can.
	 * @param pattern the pattern as the user wrote it
	 * @return a message for the user, or empty
	 */
	public static Optional<String> problem(String pattern) {
		if (pattern == null || pattern.isBlank()) {
			return Optional.of("Exclude pattern must not be blank");
		}
		if (pattern.chars().anyMatch(Character::isISOControl)) {
			return Optional.of("Exclude pattern must not contain control characters");
		}
		if (pattern.startsWith("/")) {
			return problem(pattern, "must be relative to the source directory (no leading '/')");
		}
		for (String segment : GlobPattern.segments(pattern)) {
			if (segment.equals("..")) {
				return problem(pattern, "must not contain '..'");
			}
			// Walked paths never contain these, so such a pattern would silently match
			// nothing.
			if (segment.equals(".")) {
				return problem(pattern, "must not contain '.' as a name");
			}
			if (segment.isEmpty()) {
				return problem(pattern, "must not contain '//'");
			}
		}
		return Optional.empty();
	}

	private static Optional<String> problem(String pattern, String reason) {
		return Optional.of("Exclude pattern '" + pattern + "' " + reason);
	}

}
