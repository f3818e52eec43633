package dev.ferry.archive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's stream as the compressor sees it: closing only flushes, because the caller
 * owns the stream, and once detached nothing more reaches it.
 */
final class ShieldedSink extends OutputStream {

	private final OutputStream out;

	private boolean detached;

	ShieldedSink(OutputStream out) {
		this.out = out;
	}

	@Override
	public void write(int b) throws IOException {
		if (!this.detached) {
			this.out.write(b);
		}
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		if (!this.detached) {
			this.out.write(b, off, len);
		}
	}

	@Override
	public void flush() throws IOException {
		if (!this.detached) {
			this.out.flush();
		}
	}

	@Override
	public void close() throws IOException {
		flush();
	}

	/** From now on writes are dropped: used when abandoning an archive. */
	void detach() {
		this.detached = true;
	}

}
