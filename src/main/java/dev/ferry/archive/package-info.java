/**
 * Writes faithful archives of source directories into a stream: a depth-first walk in
 * name order, excludes as globs, and one writer per
 * {@link dev.ferry.archive.ArchiveFormat}. Knows nothing of FTP; the caller hands in the
 * stream and owns it.
 */
package dev.ferry.archive;
