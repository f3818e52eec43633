package dev.ferry.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A broken sink is an IOException, a bad source directory a SourceException thrown before
 * the first byte.
 */
class ArchiverFailureTests {

	@TempDir
	Path temp;

	private final Archiver archiver = new Archiver();

	@ParameterizedTest(name = "sink fails after {0} bytes")
	@ValueSource(ints = { 0, 1, 10, 5_000, 100_000 })
	void aFailingSinkPropagatesItsOwnIOException(int limit) throws IOException {
		Path source = sourceWithRandomFile(512 * 1024);
		FailingOutputStream out = new FailingOutputStream(limit);

		Throwable thrown = catchThrowable(() -> this.archiver.write(ArchiverRoundTripTests.spec(source), out));

		assertThat(thrown).isSameAs(out.failure);
		assertThat(out.received).isEqualTo(limit);
	}

	@Test
	void aSinkFailingOnItsLastBytesStillFails() throws IOException {
		Path source = sourceWithRandomFile(512 * 1024);
		ByteArrayOutputStream complete = new ByteArrayOutputStream();
		this.archiver.write(ArchiverRoundTripTests.spec(source), complete);
		FailingOutputStream out = new FailingOutputStream(complete.size() - 1);

		Throwable thrown = catchThrowable(() -> this.archiver.write(ArchiverRoundTripTests.spec(source), out));

		assertThat(thrown).isSameAs(out.failure);
	}

	@Test
	void aMissingSourceIsNamedAndNothingIsWritten() throws IOException {
		Path present = sourceWithRandomFile(10);
		Path missing = this.temp.resolve("not-there");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> this.archiver.write(ArchiverRoundTripTests.spec(present, missing), out))
			.withMessage("Source directory " + missing + " does not exist");
		assertThat(out.size()).isZero();
	}

	@Test
	void aFileAsSourceIsRefused() throws IOException {
		Path file = Files.writeString(this.temp.resolve("file.txt"), "x");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> this.archiver.write(ArchiverRoundTripTests.spec(file), out))
			.withMessage("Source directory " + file + " is not a directory");
		assertThat(out.size()).isZero();
	}

	@Test
	void aDanglingSymbolicLinkAsSourceDoesNotExist() throws IOException {
		Path link = Files.createSymbolicLink(this.temp.resolve("gone"), this.temp.resolve("nowhere"));

		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> this.archiver.write(ArchiverRoundTripTests.spec(link), new ByteArrayOutputStream()))
			.withMessageContaining(link.toString())
			.withMessageEndingWith("does not exist");
	}

	@Test
	@FilePermissionsApply
	void anUnreadableSourceIsRefused() throws IOException {
		Path source = Files.createDirectory(this.temp.resolve("locked"));
		Files.setPosixFilePermissions(source, Set.of());
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThatExceptionOfType(SourceException.class)
				.isThrownBy(() -> this.archiver.write(ArchiverRoundTripTests.spec(source), out))
				.withMessage("Source directory " + source + " cannot be read: permission denied");
			assertThat(out.size()).isZero();
		}
		finally {
			SampleTree.setMode(source, 0700);
		}
	}

	@Test
	void anInterruptStopsTheRunAsInterruptedIOException() throws IOException {
		Path source = sourceWithRandomFile(10);
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(InterruptedIOException.class).isThrownBy(
					() -> this.archiver.write(ArchiverRoundTripTests.spec(source), new ByteArrayOutputStream()));
		}
		finally {
			Thread.interrupted();
		}
	}

	private Path sourceWithRandomFile(int size) throws IOException {
		Path source = Files.createTempDirectory(this.temp, "source");
		byte[] bytes = new byte[size];
		new Random(7).nextBytes(bytes);
		Files.write(source.resolve("random.bin"), bytes);
		Files.writeString(source.resolve("small.txt"), "small");
		return source;
	}

	/**
	 * Accepts {@code limit} bytes and keeps them, then fails every write with the same
	 * exception.
	 */
	static class FailingOutputStream extends OutputStream {

		final IOException failure = new IOException("connection reset");

		final ByteArrayOutputStream accepted = new ByteArrayOutputStream();

		private final long limit;

		long received;

		FailingOutputStream(long limit) {
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			int accepted = (int) Math.min(len, this.limit - this.received);
			this.accepted.write(b, off, accepted);
			this.received += accepted;
			if (accepted < len) {
				throw this.failure;
			}
		}

	}

}
