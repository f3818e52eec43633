package dev.ferry.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One exclude glob, translated to a regular expression over {@code /}-separated paths
 * relative to a source directory. {@code *} matches within one name, {@code ?} one
 * character, a {@code **} name any number of directories (none included), and a trailing
 * {@code /} restricts the pattern to directories. Everything else is literal.
 */
final class GlobPattern {

	private final String glob;

	private final boolean directoriesOnly;

	private final Pattern regex;

	private GlobPattern(String glob, boolean directoriesOnly, Pattern regex) {
		this.glob = glob;
		this.directoriesOnly = directoriesOnly;
		this.regex = regex;
	}

	static GlobPattern compile(String glob) {
		ExcludePatterns.problem(glob).ifPresent((problem) -> {
			throw new IllegalArgumentException(problem);
		});
		// DOTALL: a file name may contain a newline, and '.*' must still span it.
		return new GlobPattern(glob, glob.endsWith("/"), Pattern.compile(toRegex(glob), Pattern.DOTALL));
	}

	/**
	 * Whether the pattern matches a path relative to the source directory, such as
	 * {@code logs/app.log}.
	 */
	boolean matches(String relativePath, boolean directory) {
		return (directory || !this.directoriesOnly) && this.regex.matcher(relativePath).matches();
	}

	/** The pattern's names; a trailing {@code /} marks directories and is not a name. */
	static List<String> segments(String glob) {
		String names = glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
		return List.of(names.split("/", -1));
	}

	static String toRegex(String glob) {
		List<String> segments = withoutRepeatedAnyDirectories(segments(glob));
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i);
			boolean first = (i == 0);
			if (segment.equals("**")) {
				if (i == segments.size() - 1) {
					// 'cache/**' also matches 'cache' itself, so the directory entry goes
					// too.
					regex.append(first ? ".*" : "(?:/.*)?");
				}
				else {
					regex.append(first ? "(?:.*/)?" : "/(?:.*/)?");
				}
				continue;
			}
			if (!first && !segments.get(i - 1).equals("**")) {
				regex.append('/');
			}
			appendName(regex, segment);
		}
		return regex.toString();
	}

	// '**/**' means no more than '**', and the translation assumes no repeats.
	private static List<String> withoutRepeatedAnyDirectories(List<String> segments) {
		List<String> result = new ArrayList<>();
		for (String segment : segments) {
			if (!(segment.equals("**") && !result.isEmpty() && result.get(result.size() - 1).equals("**"))) {
				result.add(segment);
			}
		}
		return result;
	}

	private static void appendName(StringBuilder regex, String name) {
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c != '*' && c != '?') {
				literal.append(c);
				continue;
			}
			appendLiteral(regex, literal);
			if (c == '?') {
				regex.append("[^/]");
			}
			else {
				regex.append("[^/]*");
				// 'a**b' within one name is just a wildcard, as in .gitignore.
				while (i + 1 < name.length() && name.charAt(i + 1) == '*') {
					i++;
				}
			}
		}
		appendLiteral(regex, literal);
	}

	private static void appendLiteral(StringBuilder regex, StringBuilder literal) {
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
			literal.setLength(0);
		}
	}

	@Override
	public String toString() {
		return this.glob;
	}

}
