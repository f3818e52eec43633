package dev.ferry.transfer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.ferry.demo.EmbeddedFtpServer;
import dev.ferry.transfer.ControlChannelRecorder.Direction;
import dev.ferry.transfer.ControlChannelRecorder.Line;
import org.apache.commons.net.ProtocolCommandEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ControlChannelRecorderTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

	private final ControlChannelRecorder recorder = new ControlChannelRecorder(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void masksPasswordAndKeepsTimestampedLinesWithoutLineEnds() {
		sent("USER", "USER ferry\r\n");
		sent("PASS", "PASS s3cret\r\n");
		this.recorder.protocolReplyReceived(new ProtocolCommandEvent(this, 230, "230 User logged in.\r\n"));

		assertThat(this.recorder.lines()).containsExactly(new Line(NOW, Direction.SENT, "USER ferry"),
				new Line(NOW, Direction.SENT, "PASS ****"), new Line(NOW, Direction.RECEIVED, "230 User logged in."));
	}

	@Test
	void remembersDataCommandAndAnnouncedActiveAddress() {
		sent("PORT", "PORT 127,0,0,1,156,64\r\n");
		sent("STOR", "STOR f\r\n");

		assertThat(this.recorder.dataCommand()).isEqualTo("PORT");
		assertThat(this.recorder.lastCommand()).isEqualTo("STOR");
		assertThat(this.recorder.announcedActiveAddress()).isEqualTo("127.0.0.1:40000");
	}

	@Test
	void readsPortAndEprtArguments() {
		assertThat(ControlChannelRecorder.fromPortArgument("10,1,2,3,4,1")).isEqualTo("10.1.2.3:1025");
		assertThat(ControlChannelRecorder.fromPortArgument("garbage")).isNull();
		assertThat(ControlChannelRecorder.fromEprtArgument("|1|132.235.1.2|6275|")).isEqualTo("132.235.1.2:6275");
		assertThat(ControlChannelRecorder.fromEprtArgument("|2|::1|5282|")).isEqualTo("[::1]:5282");
		assertThat(ControlChannelRecorder.fromEprtArgument("||")).isNull();
	}

	@Test
	void transcriptOfRealLoginNeverContainsThePassword(@TempDir Path root) {
		try (EmbeddedFtpServer server = EmbeddedFtpServer.builder()
			.rootDirectory(root)
			.user("ferry", "s3cret")
			.build()) {
			server.start();
			FtpTarget target = new FtpTarget(EmbeddedFtpServer.HOST, server.port(), "ferry", "s3cret", "", null, null);
			TransferProperties properties = new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), null);
			try (FtpSession session = new FtpConnector(properties).open(target)) {
				assertThat(session.transcript()).extracting(Line::text)
					.contains("USER ferry", "PASS ****", "TYPE I")
					.noneMatch((text) -> text.contains("s3cret"))
					.anyMatch((text) -> text.startsWith("230"));
			}
		}
	}

	private void sent(String command, String message) {
		this.recorder.protocolCommandSent(new ProtocolCommandEvent(this, command, message));
	}

}
