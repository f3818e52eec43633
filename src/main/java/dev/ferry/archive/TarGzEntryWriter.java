package dev.ferry.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a gzip-compressed POSIX (pax) tar archive, as GNU tar restores it: long and
 * non-ASCII names and link targets, sizes over 8 GiB, big ids and sub-second mtimes go
 * into pax headers.
 */
final class TarGzEntryWriter implements EntryWriter {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final ShieldedSink sink;

	private final TarArchiveOutputStream tar;

	private boolean finished;

	TarGzEntryWriter(OutputStream out) throws IOException {
		this.sink = new ShieldedSink(out);
		GzipParameters gzipParameters = new GzipParameters();
		// The sink sees chunks this large rather than the default 512 bytes.
		gzipParameters.setBufferSize(BUFFER_SIZE);
		GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(this.sink, gzipParameters);
		// tar writes 512-byte records; batching them saves a deflate call per record.
		this.tar = new TarArchiveOutputStream(new BufferedOutputStream(gzip, BUFFER_SIZE),
				StandardCharsets.UTF_8.name());
		this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
		this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
		this.tar.setAddPaxHeadersForNonAsciiNames(true);
	}

	@Override
	public void directory(String path, EntryMetadata metadata) throws IOException {
		this.tar.putArchiveEntry(entry(path + "/", TarConstants.LF_DIR, metadata));
		this.tar.closeArchiveEntry();
	}

	@Override
	public void symlink(String path, String target, EntryMetadata metadata) throws IOException {
		TarArchiveEntry entry = entry(path, TarConstants.LF_SYMLINK, metadata);
		entry.setLinkName(target);
		this.tar.putArchiveEntry(entry);
		this.tar.closeArchiveEntry();
	}

	@Override
	public void file(String path, EntryMetadata metadata, long size, Content content) throws IOException {
		TarArchiveEntry entry = entry(path, TarConstants.LF_NORMAL, metadata);
		entry.setSize(size);
		this.tar.putArchiveEntry(entry);
		content.writeTo(this.tar);
		this.tar.closeArchiveEntry();
	}

	private static TarArchiveEntry entry(String name, byte type, EntryMetadata metadata) {
		TarArchiveEntry entry = new TarArchiveEntry(name, type);
		entry.setMode(metadata.mode());
		entry.setLastModifiedTime(metadata.modified());
		entry.setUserId(metadata.uid());
		entry.setGroupId(metadata.gid());
		entry.setUserName(metadata.userName());
		entry.setGroupName(metadata.groupName());
		return entry;
	}

	@Override
	public void finish() throws IOException {
		// Closing runs the whole chain once: tar end records, the buffer, the gzip
		// trailer
		// and the Deflater's native memory. Calling the gzip stream's finish() as well
		// would
		// append a second trailer. The sink only flushes on close.
		this.tar.close();
		this.finished = true;
	}

	@Override
	public void close() {
		if (this.finished) {
			return;
		}
		this.sink.detach();
		try {
			this.tar.close();
		}
		catch (IOException | RuntimeException ex) {
			// Expected (e.g. "unclosed entries"); the caller is already handling the
			// failure that got us here, and this close only has to free the Deflater.
		}
	}

}
