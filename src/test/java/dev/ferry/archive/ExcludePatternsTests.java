package dev.ferry.archive;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which exclude patterns the REST layer must refuse, and how it explains why.
 */
class ExcludePatternsTests {

	@ParameterizedTest
	@ValueSource(strings = { "*.log", "**/*.tmp", "cache/**", "cache", "build/", "a/**/b", "..foo", "foo..",
			"Größe-日本.txt", ".git", "a b" })
	void acceptsUsablePatterns(String pattern) {
		assertThat(ExcludePatterns.problem(pattern)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/etc/**      | must be relative to the source directory
			/            | must be relative to the source directory
			..           | must not contain '..'
			a/../b       | must not contain '..'
			a/..         | must not contain '..'
			./a          | must not contain '.' as a name
			a//b         | must not contain '//'
			a//          | must not contain '//'
			""")
	void refusesUnusablePatterns(String pattern, String reason) {
		assertThat(ExcludePatterns.problem(pattern))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("'" + pattern + "'").contains(reason));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "\t" })
	void refusesBlankPatterns(String pattern) {
		assertThat(ExcludePatterns.problem(pattern)).hasValue("Exclude pattern must not be blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\nb", "a\u0000", "x\u007f", "tab\there" })
	void refusesControlCharacters(String pattern) {
		assertThat(ExcludePatterns.problem(pattern)).hasValue("Exclude pattern must not contain control characters");
	}

}
