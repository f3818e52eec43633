package dev.ferry.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The former matcher, kept as an oracle: globs translated to regular expressions, exactly
 * as {@link GlobPattern} did before it matched names itself. Correct, but exponential on
 * patterns such as {@code *a*a*a*a*b}, so only for short inputs.
 */
final class RegexGlob {

	private final boolean directoriesOnly;

	private final Pattern regex;

	RegexGlob(String glob) {
		this.directoriesOnly = glob.endsWith("/");
		// DOTALL: a file name may contain a newline, and '.*' must still span it.
		this.regex = Pattern.compile(toRegex(glob), Pattern.DOTALL);
	}

	boolean matches(String relativePath, boolean directory) {
		return (directory || !this.directoriesOnly) && this.regex.matcher(relativePath).matches();
	}

	static String toRegex(String glob) {
		List<String> segments = withoutRepeatedAnyDirectories(GlobPattern.segments(glob));
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i);
			boolean first = (i == 0);
			if (segment.equals("**")) {
				if (i == segments.size() - 1) {
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

}
