package dev.ferry.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream handed to {@link UploadContent}: counts the bytes written, and turns
 * {@link #close()} into a flush so that the uploader alone decides when the data
 * connection ends.
 */
class CountingOutputStream extends FilterOutputStream {

	private long count;

	CountingOutputStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		this.out.write(b);
		this.count++;
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		this.out.write(b, off, len);
		this.count += len;
	}

	@Override
	public void close() throws IOException {
		flush();
	}

	/**
	 * Bytes written so far.
	 * @return the count
	 */
	long count() {
		return this.count;
	}

}
