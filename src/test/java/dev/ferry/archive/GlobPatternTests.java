package dev.ferry.archive;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How exclude globs match paths relative to a source directory.
 */
class GlobPatternTests {

	@ParameterizedTest(name = "{0} on {1} (directory: {2}) -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			# pattern       | path                | directory | matches
			*.log           | app.log             | false     | true
			*.log           | logs/app.log        | false     | false
			*.log           | .log                | false     | true
			*.log           | app.log.1           | false     | false
			**/*.tmp        | a.tmp               | false     | true
			**/*.tmp        | x/y/a.tmp           | false     | true
			**/*.tmp        | x/y/a.tmpl          | false     | false
			**/*.tmp        | x.tmp/y             | false     | false
			cache/**        | cache               | true      | true
			cache/**        | cache/a             | false     | true
			cache/**        | cache/a/b/c         | false     | true
			cache/**        | cache.txt           | false     | false
			cache/**        | sub/cache/a         | false     | false
			cache           | cache               | true      | true
			cache           | cache               | false     | true
			cache           | cache/a             | false     | false
			cache           | sub/cache           | true      | false
			**/cache        | sub/cache           | true      | true
			**/cache        | cache               | true      | true
			a/**/b          | a/b                 | false     | true
			a/**/b          | a/x/y/b             | false     | true
			a/**/b          | a/xb                | false     | false
			a/**/b          | ab                  | false     | false
			**/**/b         | b                   | false     | true
			**/**/b         | x/y/b               | false     | true
			a/**/**         | a                   | true      | true
			a/**/**         | a/b/c               | false     | true
			**              | anything/at/all     | false     | true
			?.txt           | a.txt               | false     | true
			?.txt           | ab.txt              | false     | false
			?.txt           | /.txt               | false     | false
			a?c             | a/c                 | false     | false
			a*c             | a/c                 | false     | false
			a**c            | abbc                | false     | true
			a**c            | a/b/c               | false     | false
			*               | top                 | false     | true
			*               | top/below           | false     | false
			build/          | build               | true      | true
			build/          | build               | false     | false
			logs/*/         | logs/2024           | true      | true
			logs/*/         | logs/2024           | false     | false
			a.b             | axb                 | false     | false
			a+(b)$          | a+(b)$              | false     | true
			[ab]            | [ab]                | false     | true
			[ab]            | a                   | false     | false
			Größe-日本.txt   | Größe-日本.txt       | false     | true
			*.txt           | 日本.txt             | false     | true
			""")
	void matches(String pattern, String path, boolean directory, boolean matches) {
		assertThat(GlobPattern.compile(pattern).matches(path, directory)).isEqualTo(matches);
	}

	// The former regular expressions read code points, and a name may hold a newline.
	@ParameterizedTest(name = "{0} on {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# pattern       | path                | matches
			?.txt           | 😀.txt              | true
			??.txt          | 😀.txt              | false
			*😀*            | a😀b                | true
			a*b             | a\\nb               | true
			a?b             | a\\nb               | true
			*/*             | a/b                 | true
			*/*             | a/b/c               | false
			**/b/**         | a/b/c/d             | true
			**/b/**         | a/bc/d              | false
			a/**/b/**/c     | a/x/b/y/z/c         | true
			a/**/b/**/c     | a/x/c/y/b           | false
			""")
	void matchesCodePointsAndAnyCharacter(String pattern, String path, boolean matches) {
		String unescaped = path.replace("\\n", "\n");
		assertThat(GlobPattern.compile(pattern).matches(unescaped, false)).isEqualTo(matches);
	}

}
