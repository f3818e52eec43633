package dev.ferry.archive;

import java.util.List;

/**
 * A job's exclude patterns, compiled once, deciding by a path relative to its source
 * root.
 */
final class Excludes {

	private final List<GlobPattern> patterns;

	Excludes(List<String> patterns) {
		this.patterns = patterns.stream().map(GlobPattern::compile).toList();
	}

	boolean excludes(String relativePath, boolean directory) {
		for (GlobPattern pattern : this.patterns) {
			if (pattern.matches(relativePath, directory)) {
				return true;
			}
		}
		return false;
	}

}
