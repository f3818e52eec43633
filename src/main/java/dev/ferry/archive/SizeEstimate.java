package dev.ferry.archive;

/**
 * What a backup will read, from a quick scan of the sources.
 *
 * @param files regular files and symbolic links that would be archived
 * @param bytes the size of those regular files
 */
public record SizeEstimate(long files, long bytes) {
}
