package dev.ferry.transfer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.ferry.demo.EmbeddedFtpServer;
import org.apache.commons.net.ProtocolCommandEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

	private final Transcript transcript = new Transcript(Clock.fixed(NOW, ZoneOffset.UTC), 3);

	@Test
	void listenerMasksPassAndAcctAndWritesTimestampedLines() {
		TranscriptListener listener = new TranscriptListener(this.transcript);
		listener.protocolCommandSent(new ProtocolCommandEvent(this, "USER", "USER ferry\r\n"));
		listener.protocolCommandSent(new ProtocolCommandEvent(this, "pass", "pass s3cret\r\n"));
		listener.protocolCommandSent(new ProtocolCommandEvent(this, "ACCT", "ACCT billing-s3cret\r\n"));

		assertThat(this.transcript.text()).isEqualTo("""
				2026-11-22 10:15:30.000 Command: USER ferry
				2026-11-22 10:15:30.000 Command: PASS ****
				2026-11-22 10:15:30.000 Command: ACCT ****
				""");
	}

	@Test
	void keepsHeadAndTailOfALongSessionAndSaysHowMuchIsLeftOut() {
		for (int i = 1; i <= 10; i++) {
			this.transcript.status("line " + i);
		}

		assertThat(this.transcript.text().lines()).containsExactly("2026-11-22 10:15:30.000 Status: line 1",
				"2026-11-22 10:15:30.000 Status: line 2", "2026-11-22 10:15:30.000 Status: line 3",
				"[... 4 lines left out ...]", "2026-11-22 10:15:30.000 Status: line 8",
				"2026-11-22 10:15:30.000 Status: line 9", "2026-11-22 10:15:30.000 Status: line 10");
	}

	@Test
	void multiLineRepliesBecomeOneEntryPerLine() {
		this.transcript.response("211-Features:\r\n EPSV\r\n211 End");

		assertThat(this.transcript.text().lines()).containsExactly("2026-11-22 10:15:30.000 Response: 211-Features:",
				"2026-11-22 10:15:30.000 Response:  EPSV", "2026-11-22 10:15:30.000 Response: 211 End");
	}

	@Test
	void aRealUploadRecordsConnectingLoginMaskedAndTheDataConnection(@TempDir Path root) {
		try (EmbeddedFtpServer server = EmbeddedFtpServer.builder()
			.rootDirectory(root)
			.user("ferry", "s3cret-Pa55")
			.build()
			.start()) {
			Transcript transcript = new Transcript();
			FtpTarget target = new FtpTarget(EmbeddedFtpServer.HOST, server.port(), "ferry", "s3cret-Pa55", "",
					TransferMode.PASSIVE, FileType.BINARY);

			new FtpUploader(new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), null)).upload(target,
					"f.bin", FtpServers.utf8("x"), transcript);

			assertThat(transcript.text()).doesNotContain("s3cret-Pa55")
				.contains("Status: Connecting to 127.0.0.1:" + server.port(), "Command: USER ferry",
						"Command: PASS ****", "Response: 230", "Command: PASV",
						"Status: Opening data connection to 127.0.0.1:", "Command: STOR .f.bin.part", "Response: 226",
						"Status: Uploaded 1 bytes to f.bin (PASV)");
		}
	}

}
