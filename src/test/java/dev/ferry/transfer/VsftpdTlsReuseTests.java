package dev.ferry.transfer;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * FTPS against a real vsftpd that requires TLS session reuse on data connections
 * ({@code require_ssl_reuse=YES}, its default). Skipped only where vsftpd is not
 * installed ({@code apt-get install -y vsftpd}; CI installs it).
 */
class VsftpdTlsReuseTests {

	@TempDir
	static Path dir;

	private static VsftpdServer server;

	private static TestCertificate certificate;

	private final FtpUploader uploader = new FtpUploader(
			new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)));

	@BeforeAll
	static void startVsftpd() throws Exception {
		assumeTrue(VsftpdServer.isInstalled(), "vsftpd is not installed: apt-get install -y vsftpd");
		certificate = TestCertificate.create(dir, "vsftpd", "ip:127.0.0.1");
		server = VsftpdServer.start(dir, certificate);
	}

	@AfterAll
	static void stopVsftpd() {
		if (server != null) {
			server.close();
		}
	}

	@ParameterizedTest
	@CsvSource({ "PASSIVE, EPSV", "PASV, PASV", "EPSV, EPSV", "PORT, PORT", "EPRT, EPRT", "ACTIVE, PORT" })
	void uploadsByteForByteResumingTheControlSession(TransferMode mode, DataCommand expected) throws Exception {
		byte[] bytes = new byte[1024 * 1024 + 3];
		new Random(7).nextBytes(bytes);
		Transcript transcript = new Transcript();
		String name = "backup-" + mode + ".bin";

		UploadResult result = this.uploader.upload(target(mode), name, (out) -> out.write(bytes), transcript);

		assertThat(result.modeUsed()).isEqualTo(expected);
		assertThat(server.uploadDirectory().resolve(name)).hasBinaryContent(bytes);
		assertThat(transcript.text()).contains("TLS on the data connection: TLSv1.2, control session resumed");
	}

	@Test
	void probeOpensFourDataConnectionsInOneLoginAndAllResume() {
		ProbeReport report = new FtpProbe(
				new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)))
			.probe(target(TransferMode.PASSIVE));

		assertThat(report.results()).allSatisfy((result) -> assertThat(result.ok()).as(result.detail()).isTrue());
		assertThat(report.recommended()).isEqualTo(DataCommand.EPSV);
		assertThat(report.features()).contains("EPSV");
		assertThat(report.transcript().split("control session resumed", -1)).hasSize(5);
	}

	@Test
	void keepAliveNoopsDuringASlowUploadAreAnsweredAfterTheTransfer() {
		FtpTarget target = new FtpTarget("127.0.0.1", server.port(), VsftpdServer.USER, "ferry@", "/upload",
				FileType.BINARY, DataOptions.of(TransferMode.PASSIVE),
				new TlsOptions(Security.EXPLICIT_TLS, certificate.pem(), false),
				new Timeouts(null, null, Duration.ofMillis(200)));
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(target, "slow.bin", (out) -> {
			for (int i = 0; i < 8; i++) {
				out.write(i);
				out.flush();
				sleep(100);
			}
		}, transcript);

		assertThat(result.bytesSent()).isEqualTo(8);
		assertThat(server.uploadDirectory().resolve("slow.bin"))
			.hasBinaryContent(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7 });
		long noops = transcript.text().lines().filter((line) -> line.endsWith("Command: NOOP")).count();
		assertThat(noops).isGreaterThanOrEqualTo(3);
		assertThat(transcript.text().lines().filter((line) -> line.matches(".* Response: 200 NOOP ok.*")))
			.hasSize((int) noops);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void plainCommonsNetFtpsClientFailsHereBecauseItDoesNotReuseTheSession() throws Exception {
		FTPSClient client = new FTPSClient(false);
		client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
		client.setConnectTimeout(5000);
		client.setDefaultTimeout(10000);
		try {
			client.connect("127.0.0.1", server.port());
			assertThat(client.login(VsftpdServer.USER, "ferry@")).isTrue();
			client.execPBSZ(0);
			client.execPROT("P");
			client.setFileType(FTP.BINARY_FILE_TYPE);
			client.enterLocalPassiveMode();

			boolean stored = client.storeFile("/upload/plain-client.bin", new ByteArrayInputStream(new byte[100]));

			assertThat(stored).isFalse();
			assertThat(client.getReplyString()).startsWith("522");
		}
		finally {
			client.disconnect();
		}
	}

	@Test
	void uploadsVerifiesListsHiddenFilesAndDeletesOnOneLogin() throws Exception {
		Files.writeString(server.uploadDirectory().resolve(".left-behind.part"), "partial");

		try (RemoteDirectory directory = new FtpUploader(TransferProperties.defaults())
			.open(target(TransferMode.PASSIVE), new Transcript(), new Cancellation())) {
			UploadResult result = directory.upload("listed.bin", (out) -> out.write(new byte[] { 1, 2, 3 }));
			// vsftpd offers SIZE, and no hash
			assertThat(result.verification()).containsExactly("SIZE");
			assertThat(directory.listFileNames()).contains(".left-behind.part", "listed.bin", "listed.bin.sha256");
			directory.delete(".left-behind.part");
		}
		assertThat(server.uploadDirectory().resolve(".left-behind.part")).doesNotExist();
		assertThat(server.uploadDirectory().resolve("listed.bin.sha256"))
			.hasContent(FtpServers.sha256(new byte[] { 1, 2, 3 }) + "  listed.bin");
	}

	@Test
	void aDirectoryInAnyScriptIsCreatedAndTheArchiveLandsExactlyWhereTheResultSays() {
		FtpTarget target = new FtpTarget("127.0.0.1", server.port(), VsftpdServer.USER, "ferry@", "/upload/备份/网站",
				FileType.BINARY, DataOptions.of(TransferMode.PASSIVE),
				new TlsOptions(Security.EXPLICIT_TLS, certificate.pem(), false), null);
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(target, "Müller-1.bin", (out) -> out.write(new byte[] { 4, 2 }),
				transcript);

		assertThat(result.remotePath()).isEqualTo("/upload/备份/网站/Müller-1.bin");
		assertThat(server.uploadDirectory().resolve("备份/网站/Müller-1.bin")).hasBinaryContent(new byte[] { 4, 2 });
		assertThat(server.uploadDirectory().resolve("备份/网站/Müller-1.bin.sha256")).exists();
		assertThat(transcript.text()).contains("Command: OPTS UTF8 ON", "Command: MKD 备份");
	}

	private static FtpTarget target(TransferMode mode) {
		return new FtpTarget("127.0.0.1", server.port(), VsftpdServer.USER, "ferry@", "/upload", FileType.BINARY,
				DataOptions.of(mode), new TlsOptions(Security.EXPLICIT_TLS, certificate.pem(), false), null);
	}

}
