package dev.ferry.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Guards a producer against being asked twice for content it has already begun to write:
 * a retry after a failed data connection calls it again, which is only sound while it has
 * written nothing.
 */
final class OnceWritten implements UploadContent {

	private final UploadContent content;

	private boolean wrote;

	OnceWritten(UploadContent content) {
		this.content = content;
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		if (this.wrote) {
			throw new IllegalStateException("The content was already partly written; it cannot be written again");
		}
		this.content.writeTo(new FilterOutputStream(out) {

			@Override
			public void write(int b) throws IOException {
				OnceWritten.this.wrote = true;
				this.out.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				OnceWritten.this.wrote = true;
				this.out.write(b, off, len);
			}

		});
	}

}
