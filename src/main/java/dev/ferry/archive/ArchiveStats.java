package dev.ferry.archive;

import java.util.List;

/**
 * What was written.
 *
 * @param filesArchived regular files and symbolic links stored
 * @param directoriesArchived directories stored, the source directories included
 * @param bytesRead regular-file bytes read from disk
 * @param warnings what was skipped or changed on the way, each naming its path
 */
public record ArchiveStats(long filesArchived, long directoriesArchived, long bytesRead, List<String> warnings) {

	public ArchiveStats {
		warnings = List.copyOf(warnings);
	}

}
