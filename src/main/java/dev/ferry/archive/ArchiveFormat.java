package dev.ferry.archive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Archive formats; each knows its file extension and how to start an archive on a stream.
 * TAR_GZ now, the enum is ready for more (zip, tar.zst later).
 */
public enum ArchiveFormat {

	/** A POSIX (pax) tar archive compressed with gzip, as {@code tar -czf} writes it. */
	TAR_GZ(".tar.gz") {
		@Override
		EntryWriter open(OutputStream out) throws IOException {
			return new TarGzEntryWriter(out);
		}
	};

	private final String extension;

	ArchiveFormat(String extension) {
		this.extension = extension;
	}

	/**
	 * The file name extension, including its leading dot.
	 * @return e.g. {@code .tar.gz}
	 */
	public String extension() {
		return this.extension;
	}

	/**
	 * Starts an archive of this format on {@code out}. The writer never closes
	 * {@code out}.
	 */
	abstract EntryWriter open(OutputStream out) throws IOException;

}
