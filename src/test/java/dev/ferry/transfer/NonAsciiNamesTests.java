package dev.ferry.transfer;

import java.nio.file.Path;
import java.time.Duration;

import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real names are not ASCII: a user, a password and directories in other scripts work end
 * to end, because the control connection speaks UTF-8 (RFC 2640) and switches the server
 * to it where {@code FEAT} offers {@code UTF8}. Against a real Apache FtpServer; vsftpd
 * is in {@link VsftpdTlsReuseTests}.
 */
class NonAsciiNamesTests {

	private static final String USER = "Müller";

	private static final String PASSWORD = "pässwörd-备份-🔑";

	@TempDir
	Path root;

	@Test
	void aUserPasswordAndDirectoriesInOtherScriptsWorkAndTheFileLandsWhereTheResultSays() {
		try (EmbeddedFtpServer server = EmbeddedFtpServer.builder()
			.rootDirectory(this.root)
			.user(USER, PASSWORD)
			.build()
			.start()) {
			FtpTarget target = new FtpTarget(EmbeddedFtpServer.HOST, server.port(), USER, PASSWORD, "/备份/网站",
					TransferMode.PASSIVE, FileType.BINARY);
			Transcript transcript = new Transcript();

			UploadResult result = new FtpUploader(
					new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)))
				.upload(target, "Übersicht-2026.bin", (out) -> out.write(new byte[] { 1, 2, 3 }), transcript);

			assertThat(result.remotePath()).isEqualTo("/备份/网站/Übersicht-2026.bin");
			assertThat(this.root.resolve("备份/网站/Übersicht-2026.bin")).hasBinaryContent(new byte[] { 1, 2, 3 });
			assertThat(this.root.resolve("备份/网站/Übersicht-2026.bin.sha256"))
				.hasContent(result.sha256() + "  Übersicht-2026.bin");
			assertThat(transcript.text())
				.contains("Command: USER Müller", "Command: OPTS UTF8 ON", "Command: MKD 备份", "Command: PASS ****")
				.doesNotContain(PASSWORD);
		}
	}

}
