package dev.ferry.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the entries of one archive in one format: the walker decides what goes in, the
 * writer how it is encoded. Every IOException it throws comes from the sink.
 */
interface EntryWriter extends Closeable {

	/** Stores a directory; {@code path} has no trailing slash. */
	void directory(String path, EntryMetadata metadata) throws IOException;

	void symlink(String path, String target, EntryMetadata metadata) throws IOException;

	/**
	 * Stores a regular file whose header promises {@code size} bytes; {@code content}
	 * must write exactly that many.
	 */
	void file(String path, EntryMetadata metadata, long size, Content content) throws IOException;

	/** Ends the archive and its compression and flushes the sink, leaving it open. */
	void finish() throws IOException;

	/**
	 * Releases the compressor. Without a prior {@link #finish()} the archive is
	 * abandoned: nothing more reaches the sink, which has already failed once.
	 */
	@Override
	void close();

	/** Writes one file's bytes into its entry. */
	@FunctionalInterface
	interface Content {

		void writeTo(OutputStream entry) throws IOException;

	}

}
