package dev.ferry.run;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

import dev.ferry.archive.ArchiveSpec;
import dev.ferry.archive.ArchiveStats;
import dev.ferry.archive.Archiver;
import dev.ferry.transfer.Cancellation;
import dev.ferry.transfer.UploadContent;

/**
 * The archive as the content of an upload: built while it is written into the data
 * connection, its bytes counted as they leave, and stopped at the next write once the run
 * is cancelled. Written once: nothing is staged on disk or in memory.
 */
final class ArchiveStream implements UploadContent {

	private final Archiver archiver;

	private final ArchiveSpec spec;

	private final RunControl control;

	private volatile ArchiveStats stats;

	ArchiveStream(Archiver archiver, ArchiveSpec spec, RunControl control) {
		this.archiver = archiver;
		this.spec = spec;
		this.control = control;
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		Watched watched = new Watched(out, this.control.progress(), this.control.cancellation());
		this.stats = this.archiver.write(this.spec, watched, this.control.progress());
		watched.flush();
	}

	/** This content, then {@code complete} once its last byte is written. */
	UploadContent andThen(Runnable complete) {
		return (out) -> {
			writeTo(out);
			complete.run();
		};
	}

	/** What was archived, once the archive is complete. */
	ArchiveStats stats() {
		return this.stats;
	}

	/**
	 * Counts the bytes going to the server, and stops the archive at the next write once
	 * the run is cancelled.
	 */
	private static final class Watched extends FilterOutputStream {

		private final RunProgress progress;

		private final Cancellation cancellation;

		Watched(OutputStream out, RunProgress progress, Cancellation cancellation) {
			super(out);
			this.progress = progress;
			this.cancellation = cancellation;
		}

		@Override
		public void write(int b) throws IOException {
			check();
			this.out.write(b);
			this.progress.bytesUploaded(1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			check();
			this.out.write(b, off, len);
			this.progress.bytesUploaded(len);
		}

		private void check() throws InterruptedIOException {
			if (this.cancellation.isCancelled()) {
				throw new InterruptedIOException("the run was cancelled");
			}
		}

	}

}
