package dev.ferry.archive;

import java.util.Collections;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excludes come from users, so no pattern may make matching take exponential time. Rather
 * than time it, these tests count the matcher's loop iterations and hold them to the
 * bound {@link GlobPattern} promises, 3 × (pattern length + 1) × (path length + 1): a
 * backtracking matcher needs billions of steps for the patterns below, and a regex needed
 * hours. The results are checked against the former regex matcher, which defined what the
 * globs mean.
 */
class GlobPatternWorkTests {

	static Stream<Arguments> pathologicalInputs() {
		return Stream.of(
				// Backtracking tries every way of splitting the a's among the stars.
				Arguments.of("*a*a*a*a*a*a*a*a*b", "a".repeat(40), false),
				Arguments.of("*a*a*a*a*a*a*a*a*b", "a".repeat(200), false),
				Arguments.of("*a*a*a*a*a*a*a*a*b", "a".repeat(2000), false),
				Arguments.of("*a*a*a*a*a*a*a*a*b", "a".repeat(199) + "b", true),
				Arguments.of("?*?*?*?*?*?*?*?*b", "a".repeat(200), false),
				// The worst case for the greedy algorithm: a long literal retried after
				// the
				// star at every position.
				Arguments.of("*" + "a".repeat(20) + "b", "a".repeat(200), false),
				Arguments.of("*😀*😀*😀*😀*x", "😀".repeat(200), false),
				// '**' has the same problem over names.
				Arguments.of("**/a/**/a/**/a/**/a/**/a/**/b", names("a", 200), false),
				Arguments.of("**/a/**/a/**/a/**/a/**/a/**/b", names("a", 199) + "/b", true),
				Arguments.of("**/*a*a*a*/**/*a*a*a*b/**", names("a".repeat(20), 20), false),
				Arguments.of("**/**/**/**/**/**/x/", names("a", 200), false));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("pathologicalInputs")
	void pathologicalPatternsTakePolynomiallyManySteps(String pattern, String path, boolean matches) {
		Steps steps = new Steps();

		boolean matched = GlobPattern.compile(pattern).matches(path, true, steps);

		assertThat(matched).isEqualTo(matches);
		assertThat(steps.count).isLessThanOrEqualTo(bound(pattern, path));
		// None of these can be decided without reading every character, so a counter
		// that is not told of the steps fails here instead of passing the bound.
		assertThat(steps.count).isGreaterThanOrEqualTo(path.codePointCount(0, path.length()));
	}

	@Test
	void randomPatternsMeanWhatTheRegexMeantWithinTheBound() {
		Random random = new Random(42);
		String[] patternParts = { "a", "b", "*", "?", "**", "/", ".", "[", "😀" };
		String[] pathParts = { "a", "b", "/", ".", "[", "😀", "\n" };
		int compared = 0;
		while (compared < 20_000) {
			String pattern = random(random, patternParts, 1 + random.nextInt(7));
			if (ExcludePatterns.problem(pattern).isPresent()) {
				continue;
			}
			String path = random(random, pathParts, random.nextInt(10));
			boolean directory = random.nextBoolean();
			Steps steps = new Steps();

			boolean matched = GlobPattern.compile(pattern).matches(path, directory, steps);

			assertThat(matched).as("%s on %s", pattern, path)
				.isEqualTo(new RegexGlob(pattern).matches(path, directory));
			assertThat(steps.count).as("%s on %s", pattern, path).isLessThanOrEqualTo(bound(pattern, path));
			compared++;
		}
	}

	@Test
	void longRandomInputsStayWithinTheBound() {
		Random random = new Random(7);
		String[] patternParts = { "a", "*", "?", "**", "/", "b" };
		String[] pathParts = { "a", "a", "a", "/", "b" };
		for (int i = 0; i < 2_000; i++) {
			String pattern = random(random, patternParts, 1 + random.nextInt(40));
			if (ExcludePatterns.problem(pattern).isPresent()) {
				continue;
			}
			String path = random(random, pathParts, random.nextInt(300));
			Steps steps = new Steps();

			GlobPattern.compile(pattern).matches(path, false, steps);

			assertThat(steps.count).as("%s on %s", pattern, path).isLessThanOrEqualTo(bound(pattern, path));
		}
	}

	// The regex translation that the oracle above is, pinned so that it stays the former
	// matcher.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			*.log        | [^/]*\\Q.log\\E
			**/*.tmp     | (?:.*/)?[^/]*\\Q.tmp\\E
			cache/**     | \\Qcache\\E(?:/.*)?
			a/**/b       | \\Qa\\E/(?:.*/)?\\Qb\\E
			**           | .*
			""")
	void theOracleIsTheFormerTranslation(String pattern, String regex) {
		assertThat(RegexGlob.toRegex(pattern)).isEqualTo(regex);
	}

	private static long bound(String pattern, String path) {
		return 3L * (pattern.length() + 1) * (path.length() + 1);
	}

	private static String names(String name, int count) {
		return String.join("/", Collections.nCopies(count, name));
	}

	private static String random(Random random, String[] parts, int count) {
		StringBuilder result = new StringBuilder();
		for (int i = 0; i < count; i++) {
			result.append(parts[random.nextInt(parts.length)]);
		}
		return result.toString();
	}

	static final class Steps implements GlobPattern.StepCounter {

		long count;

		@Override
		public void step() {
			this.count++;
		}

	}

}
