package dev.ferry.archive;

/**
 * One file as {@code stat} saw it.
 *
 * @param kind the file's type
 * @param size its size in bytes (meaningful for regular files)
 * @param metadata what its entry header records
 */
record FileStat(FileKind kind, long size, EntryMetadata metadata) {
}
