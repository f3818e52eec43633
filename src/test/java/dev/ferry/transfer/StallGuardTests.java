package dev.ferry.transfer;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StallGuardTests {

	@Test
	void anUploadToAServerThatStopsReadingFailsAfterTheDataTimeoutInsteadOfHanging() throws Exception {
		FtpUploader uploader = new FtpUploader(
				new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(1500)));
		try (StallingFtpServer server = new StallingFtpServer()) {
			FtpTarget target = new FtpTarget("127.0.0.1", server.port(), "u", "p", "/backups", TransferMode.PASSIVE,
					FileType.BINARY);
			byte[] chunk = new byte[64 * 1024];
			Instant start = Instant.now();

			assertThatExceptionOfType(FtpTransferException.class)
				.isThrownBy(() -> uploader.upload(target, "x.tar.gz", (OutputStream out) -> {
					// far more than any socket buffer holds; stops only when the guard
					// resets
					for (int i = 0; i < 100_000; i++) {
						out.write(chunk);
					}
				}, new Transcript()))
				.withMessageContaining("127.0.0.1:" + server.port())
				.withMessageContaining("the server stopped reading")
				.withMessageContaining("nothing could be sent for 1.5 s (data timeout)");
			// data timeout, then the control timeout waiting for a reply that never comes
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
		}
	}

	@Test
	void writesThatProgressAreNeverInterrupted() throws Exception {
		int[] resets = { 0 };
		StallGuard guard = new StallGuard(OutputStream.nullOutputStream(), Duration.ofMillis(200), () -> resets[0]++);
		Instant end = Instant.now().plusMillis(600);
		while (Instant.now().isBefore(end)) {
			guard.write(new byte[1024]);
		}
		guard.close();
		assertThat(guard.stalled()).isFalse();
		assertThat(resets[0]).isZero();
	}

}
