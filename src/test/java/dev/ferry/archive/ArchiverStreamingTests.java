package dev.ferry.archive;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The archive flows into the sink while files are read, so its size never has to fit in
 * memory or on disk.
 */
class ArchiverStreamingTests {

	private static final int MIB = 1024 * 1024;

	@TempDir
	Path temp;

	@Test
	void aLargeFileReachesTheSinkWhileItIsBeingRead() throws IOException {
		Path source = Files.createDirectory(this.temp.resolve("src"));
		byte[] random = new byte[16 * MIB];
		new Random(1).nextBytes(random);
		Path big = Files.write(source.resolve("big.bin"), random);
		CountingOutputStream sink = new CountingOutputStream();
		long[] sinkSizeWhenBigFileWasRead = { -1 };
		Archiver archiver = new Archiver(new SourceFiles() {
			@Override
			public InputStream open(Path file) throws IOException {
				InputStream in = SourceFiles.super.open(file);
				if (!file.equals(big)) {
					return in;
				}
				return new FilterInputStream(in) {
					@Override
					public void close() throws IOException {
						sinkSizeWhenBigFileWasRead[0] = sink.count;
						super.close();
					}
				};
			}
		});

		archiver.write(ArchiverRoundTripTests.spec(source), sink);

		// Random bytes do not compress: had the archive been buffered (in memory or a
		// temporary file) the sink would still be empty when the last bytes were read.
		assertThat(sinkSizeWhenBigFileWasRead[0]).isGreaterThan(15L * MIB);
		assertThat(sink.count).isGreaterThan(16L * MIB);
	}

	@Test
	void filesLargerThan8GibGetTheirSizeInAPaxHeader() throws IOException {
		Path source = Files.createDirectory(this.temp.resolve("huge"));
		long size = 8L * 1024 * MIB + 1;
		// Sparse: costs no disk space, and reading it yields zeros.
		try (RandomAccessFile file = new RandomAccessFile(source.resolve("sparse.bin").toFile(), "rw")) {
			file.setLength(size);
		}
		// Zeros compress about 1000:1; stopping the sink after 32 KiB keeps this fast and
		// the headers are long written by then.
		ArchiverFailureTests.FailingOutputStream sink = new ArchiverFailureTests.FailingOutputStream(32 * 1024);

		Throwable thrown = catchThrowable(() -> new Archiver().write(ArchiverRoundTripTests.spec(source), sink));

		assertThat(thrown).isSameAs(sink.failure);
		assertThat(headerSize(sink.accepted.toByteArray(), "huge/sparse.bin")).isEqualTo(size);
	}

	/** Reads entry headers from the start of a cut-off archive. */
	private static long headerSize(byte[] start, String name) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new GzipCompressorInputStream(new ByteArrayInputStream(start)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				if (entry.getName().equals(name)) {
					return entry.getSize();
				}
			}
		}
		throw new AssertionError("No header for " + name);
	}

	static class CountingOutputStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

	}

}
