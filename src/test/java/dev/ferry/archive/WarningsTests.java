package dev.ferry.archive;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warnings are capped so that a tree full of broken files cannot fill the heap.
 */
class WarningsTests {

	@Test
	void keepsTheFirstWarningsAndCountsTheRest() {
		Warnings warnings = new Warnings();

		IntStream.range(0, Warnings.LIMIT + 5).forEach((i) -> warnings.add("warning " + i));

		assertThat(warnings.toList()).hasSize(Warnings.LIMIT + 1)
			.startsWith("warning 0")
			.contains("warning " + (Warnings.LIMIT - 1))
			.doesNotContain("warning " + Warnings.LIMIT)
			.endsWith("5 more warnings were logged but are not listed here");
	}

	@Test
	void belowTheLimitListsEverything() {
		Warnings warnings = new Warnings();
		warnings.add("one");
		warnings.add("two");

		assertThat(warnings.toList()).containsExactly("one", "two");
	}

}
