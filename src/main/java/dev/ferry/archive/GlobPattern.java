package dev.ferry.archive;

import java.util.List;

/**
 * One exclude glob over {@code /}-separated paths relative to a source directory.
 * {@code *} matches within one name, {@code ?} one character, a {@code **} name any
 * number of directories (none included), and a trailing {@code /} restricts the pattern
 * to directories. Everything else is literal.
 * <p>
 * Patterns come from users, so matching must never take exponential time as a
 * backtracking regex can ({@code *a*a*a*a*a*a*a*a*b} against a long name): names are
 * matched one by one by {@link NameGlob}, and {@code **} by dynamic programming over the
 * names. A match takes at most 3 × (pattern length + 1) × (path length + 1) steps.
 */
final class GlobPattern {

	private final String glob;

	private final boolean directoriesOnly;

	// One entry per name of the pattern; null stands for a '**' name.
	private final NameGlob[] names;

	private GlobPattern(String glob, boolean directoriesOnly, NameGlob[] names) {
		this.glob = glob;
		this.directoriesOnly = directoriesOnly;
		this.names = names;
	}

	static GlobPattern compile(String glob) {
		ExcludePatterns.problem(glob).ifPresent((problem) -> {
			throw new IllegalArgumentException(problem);
		});
		NameGlob[] names = segments(glob).stream()
			.map((name) -> name.equals("**") ? null : NameGlob.compile(name))
			.toArray(NameGlob[]::new);
		return new GlobPattern(glob, glob.endsWith("/"), names);
	}

	/**
	 * Whether the pattern matches a path relative to the source directory, such as
	 * {@code logs/app.log}.
	 */
	boolean matches(String relativePath, boolean directory) {
		return matches(relativePath, directory, StepCounter.NONE);
	}

	/**
	 * Like {@link #matches(String, boolean)}, telling {@code steps} of every loop
	 * iteration, so tests can show that the work stays within its bound.
	 */
	boolean matches(String relativePath, boolean directory, StepCounter steps) {
		if (this.directoriesOnly && !directory) {
			return false;
		}
		int[] starts = nameStarts(relativePath);
		int count = starts.length - 1;
		// rest[j]: the pattern's names from i on match the path's names from j on.
		// Filled from the last name of the pattern backwards, one row per name.
		boolean[] rest = new boolean[count + 1];
		rest[count] = true;
		for (int i = this.names.length - 1; i >= 0; i--) {
			NameGlob name = this.names[i];
			if (name == null) {
				// '**' takes none of the path's names, or one and is still there.
				for (int j = count - 1; j >= 0; j--) {
					steps.step();
					rest[j] = rest[j] || rest[j + 1];
				}
			}
			else {
				// Ascending, so rest[j + 1] still holds the row of the names after i.
				for (int j = 0; j < count; j++) {
					steps.step();
					rest[j] = rest[j + 1] && name.matches(relativePath, starts[j], starts[j + 1] - 1, steps);
				}
				rest[count] = false;
			}
		}
		return rest[0];
	}

	// Where each name of the path starts, and one past the end as if a '/' followed.
	private static int[] nameStarts(String path) {
		int count = 1;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				count++;
			}
		}
		int[] starts = new int[count + 1];
		int next = 1;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				starts[next++] = i + 1;
			}
		}
		starts[count] = path.length() + 1;
		return starts;
	}

	/** The pattern's names; a trailing {@code /} marks directories and is not a name. */
	static List<String> segments(String glob) {
		String names = glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
		return List.of(names.split("/", -1));
	}

	@Override
	public String toString() {
		return this.glob;
	}

	/** Told of each step the matcher takes; for tests that bound the work. */
	@FunctionalInterface
	interface StepCounter {

		StepCounter NONE = () -> {
		};

		void step();

	}

}
