package dev.ferry.archive;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to archive: absolute source directories, exclude globs relative to each source,
 * and the format.
 *
 * @param sources absolute source directories; each is stored under its own last name, so
 * those names must be distinct
 * @param excludes glob patterns relative to each source root, {@code /} separated (see
 * {@link ExcludePatterns})
 * @param format the archive format
 */
public record ArchiveSpec(List<Path> sources, List<String> excludes, ArchiveFormat format) {

	public ArchiveSpec {
		Objects.requireNonNull(format, "format");
		sources = sources.stream().map(Path::normalize).toList();
		excludes = List.copyOf(excludes);
		if (sources.isEmpty()) {
			throw new IllegalArgumentException("At least one source directory is required");
		}
		Set<String> names = new HashSet<>();
		for (Path source : sources) {
			if (!source.isAbsolute()) {
				throw new IllegalArgumentException("Source directory must be an absolute path: " + source);
			}
			// The last name becomes the top-level directory in the archive.
			Path name = source.getFileName();
			if (name == null) {
				throw new IllegalArgumentException("Source directory has no name to store it under: " + source);
			}
			if (!names.add(name.toString())) {
				throw new IllegalArgumentException("Two source directories share the name '" + name + "'");
			}
		}
		for (String exclude : excludes) {
			ExcludePatterns.problem(exclude).ifPresent((problem) -> {
				throw new IllegalArgumentException(problem);
			});
		}
	}

}
