package dev.ferry.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Copies one regular file into its entry through a fixed buffer, always exactly as many
 * bytes as the entry header promised: growth is cut off, a file that shrank or failed to
 * read is padded with zeros, and each such case becomes a warning. Only the entry's
 * stream can throw out of here, so a failing source never corrupts the archive.
 */
final class FileCopier {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private final Warnings warnings;

	private final ArchiveProgress progress;

	private long bytesRead;

	FileCopier(Warnings warnings, ArchiveProgress progress) {
		this.warnings = warnings;
		this.progress = progress;
	}

	void copy(Path file, InputStream in, FileStat stat, OutputStream entry) throws IOException {
		long size = stat.size();
		long copied = 0;
		IOException readError = null;
		while (copied < size) {
			int read;
			try {
				read = in.read(this.buffer, 0, (int) Math.min(this.buffer.length, size - copied));
			}
			catch (IOException ex) {
				rethrowIfInterrupted(ex);
				readError = ex;
				break;
			}
			if (read < 0) {
				break;
			}
			entry.write(this.buffer, 0, read);
			copied += read;
			this.progress.bytesRead(read);
		}
		this.bytesRead += copied;
		if (copied < size) {
			writeZeros(entry, size - copied);
			this.warnings.add((readError != null)
					? file + ": read error after " + copied + " of " + size + " bytes (" + Warnings.reason(readError)
							+ "); the rest is padded with zeros"
					: file + ": file shrank while being read, from " + size + " to " + copied
							+ " bytes; the rest is padded with zeros");
		}
		else if (hasMore(in)) {
			this.warnings.add(file + ": file grew while being read; only its first " + size + " bytes are archived");
		}
		else if (changedSince(file, stat)) {
			this.warnings.add(file + ": file changed while being read; the archived copy may be inconsistent");
		}
	}

	long bytesRead() {
		return this.bytesRead;
	}

	private void writeZeros(OutputStream entry, long count) throws IOException {
		Arrays.fill(this.buffer, (byte) 0);
		for (long left = count; left > 0; left -= this.buffer.length) {
			entry.write(this.buffer, 0, (int) Math.min(this.buffer.length, left));
		}
	}

	private boolean hasMore(InputStream in) throws InterruptedIOException {
		try {
			return in.read(this.buffer, 0, 1) > 0;
		}
		catch (IOException ex) {
			rethrowIfInterrupted(ex);
			return false; // the promised bytes were all read; that is what counts
		}
	}

	// Same size but a new mtime: rewritten in place while we read it, as GNU tar reports.
	private static boolean changedSince(Path file, FileStat stat) {
		try {
			BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			return now.size() != stat.size() || !now.lastModifiedTime().equals(stat.metadata().modified());
		}
		catch (IOException ex) {
			return false; // gone after it was read completely: the copy is still whole
		}
	}

	// An interrupt closes the file's channel; that is a cancelled run, not a bad file.
	private static void rethrowIfInterrupted(IOException ex) throws InterruptedIOException {
		if (ex instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
			InterruptedIOException interrupted = new InterruptedIOException("Archiving was interrupted");
			interrupted.initCause(ex);
			throw interrupted;
		}
	}

}
