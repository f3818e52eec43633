package dev.ferry.transfer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;

import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.ferry.transfer.FtpServers.PASSWORD;
import static dev.ferry.transfer.FtpServers.USER;
import static dev.ferry.transfer.FtpServers.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Explicit and implicit FTPS against Apache FtpServer with self-signed certificates.
 */
class FtpsTests {

	@TempDir
	static Path certificates;

	private static TestCertificate localhost;

	private static TestCertificate otherName;

	@TempDir
	Path root;

	private EmbeddedFtpServer server;

	private final FtpUploader uploader = new FtpUploader(
			new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));

	@BeforeAll
	static void makeCertificates() throws Exception {
		localhost = TestCertificate.create(certificates, "localhost", "ip:127.0.0.1,dns:localhost");
		otherName = TestCertificate.create(certificates, "other", "dns:other.example");
	}

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(value = Security.class, names = { "EXPLICIT_TLS", "IMPLICIT_TLS" })
	void uploadsOverTlsWithASelfSignedCertificateTrustedByPem(Security security) {
		start(localhost, security == Security.IMPLICIT_TLS);
		byte[] bytes = randomBytes(200_000);
		Transcript transcript = new Transcript();

		for (TransferMode mode : new TransferMode[] { TransferMode.PASV, TransferMode.PORT }) {
			UploadResult result = this.uploader.upload(target(new TlsOptions(security, localhost.pem(), false), mode),
					"f-" + mode + ".bin", (out) -> out.write(bytes), transcript);
			assertThat(result.modeUsed().name()).isEqualTo(mode.name());
			assertThat(this.root.resolve("f-" + mode + ".bin")).hasBinaryContent(bytes);
		}
		assertThat(transcript.text())
			.contains("Status: TLS established: TLSv1.2, ",
					"server certificate CN=localhost,O=Ferry tests (verified, host name checked)", "Command: PBSZ 0",
					"Command: PROT P", "Status: TLS on the data connection: TLSv1.2")
			.doesNotContain(PASSWORD);
		assertThat(transcript.text().contains("Command: AUTH TLS")).isEqualTo(security == Security.EXPLICIT_TLS);
	}

	@Test
	void aServerThatSpeaksOnlyTls13IsReconnectedWithIt() {
		this.server = EmbeddedFtpServer.builder()
			.rootDirectory(this.root)
			.user(USER, PASSWORD)
			.tls(localhost.keystore(), localhost.password(), false)
			.tlsProtocols("TLSv1.3")
			.build()
			.start();
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(
				target(new TlsOptions(Security.EXPLICIT_TLS, localhost.pem(), false), TransferMode.PASSIVE), "f.bin",
				FtpServers.utf8("x"), transcript);

		assertThat(result.modeUsed()).isEqualTo(DataCommand.PASV);
		assertThat(this.root.resolve("f.bin")).hasContent("x");
		assertThat(transcript.text()).contains("The server does not speak TLS 1.2: connecting again with TLS 1.3",
				"Status: TLS established: TLSv1.3, ", "Status: TLS on the data connection: TLSv1.3");
	}

	@Test
	void anUntrustedCertificateFailsNamingItAndTheFix() throws Exception {
		start(localhost, false);

		FtpTlsException ex = catchThrowableOfType(FtpTlsException.class,
				() -> upload(new TlsOptions(Security.EXPLICIT_TLS, null, false)));

		assertThat(ex.phase()).isEqualTo(TransferPhase.TLS);
		assertThat(ex.getMessage()).startsWith("TLS handshake with 127.0.0.1:" + this.server.port() + " failed: ")
			.contains("the server's certificate is not trusted (subject CN=localhost,O=Ferry tests",
					"issuer CN=localhost,O=Ferry tests", "valid from ", "SHA-256 fingerprint " + fingerprint(localhost),
					"paste the server's certificate into tlsTrustedCertificate");
	}

	@Test
	void aCertificateForAnotherHostNameFailsEvenWhenTrusted() {
		start(otherName, false);

		FtpTlsException ex = catchThrowableOfType(FtpTlsException.class,
				() -> upload(new TlsOptions(Security.EXPLICIT_TLS, otherName.pem(), false)));

		assertThat(ex.getMessage()).contains("the server's certificate is not issued for 127.0.0.1",
				"names DNS:other.example", "check the host name");
	}

	@Test
	void anExpiredCertificateFailsSayingSo() throws Exception {
		TestCertificate expired = TestCertificate.create(certificates, "expired", "ip:127.0.0.1", "-10d", 1);
		start(expired, false);

		FtpTlsException ex = catchThrowableOfType(FtpTlsException.class,
				() -> upload(new TlsOptions(Security.EXPLICIT_TLS, expired.pem(), false)));

		assertThat(ex.getMessage()).contains("the server's certificate is expired or not yet valid (subject CN=expired",
				"renew it on the server");
	}

	@Test
	void aServerRefusingProtPFailsInTheTlsPhase() {
		this.server = EmbeddedFtpServer.builder()
			.rootDirectory(this.root)
			.user(USER, PASSWORD)
			.tls(localhost.keystore(), localhost.password(), false)
			.refuse("PROT", "534 Request denied for policy reasons.")
			.build()
			.start();

		FtpTlsException ex = catchThrowableOfType(FtpTlsException.class,
				() -> upload(new TlsOptions(Security.EXPLICIT_TLS, localhost.pem(), false)));

		assertThat(ex.getMessage()).isEqualTo("PROT P on 127.0.0.1:" + this.server.port()
				+ " failed: 534 Request denied for policy reasons. — the server will not encrypt data connections; "
				+ "use NONE if that is acceptable");
	}

	@Test
	void theProbeReportsTheTlsStepWithProtocolAndCipher() {
		start(localhost, false);

		ProbeReport report = new FtpProbe(
				new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)))
			.probe(target(new TlsOptions(Security.EXPLICIT_TLS, localhost.pem(), false), TransferMode.PASSIVE));

		assertThat(report.steps()).extracting(ProbeReport.Step::name).containsExactly("connect", "tls", "login");
		assertThat(report.steps().get(1).detail()).startsWith("TLSv1.2, TLS_")
			.contains("server certificate CN=localhost");
		assertThat(report.results()).allSatisfy((result) -> assertThat(result.ok()).as(result.detail()).isTrue());
	}

	@Test
	void theProbeReportsAnUntrustedCertificateAsAFailedTlsStep() {
		start(localhost, true);

		ProbeReport report = new FtpProbe(
				new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)))
			.probe(target(new TlsOptions(Security.IMPLICIT_TLS, null, false), TransferMode.PASSIVE));

		assertThat(report.steps()).extracting(ProbeReport.Step::name, ProbeReport.Step::ok)
			.containsExactly(tuple("connect", true), tuple("tls", false));
		assertThat(report.steps().get(1).detail()).contains("not trusted", "tlsTrustedCertificate");
		assertThat(report.results()).isEmpty();
	}

	@Test
	void insecureAcceptsAnyCertificateAndSaysSoLoudly() {
		start(otherName, true);
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(
				target(new TlsOptions(Security.IMPLICIT_TLS, null, true), TransferMode.PASSIVE), "f.bin",
				FtpServers.utf8("x"), transcript);

		assertThat(result.modeUsed()).isEqualTo(DataCommand.PASV);
		assertThat(transcript.text()).contains("NOT VERIFIED: tlsInsecure is on");
	}

	@Test
	void aServerWithoutTlsRefusesAuthAndTheMessageSaysWhatToUse() {
		this.server = EmbeddedFtpServer.builder().rootDirectory(this.root).user(USER, PASSWORD).build().start();

		FtpTlsException ex = catchThrowableOfType(FtpTlsException.class,
				() -> upload(new TlsOptions(Security.EXPLICIT_TLS, localhost.pem(), false)));

		assertThat(ex.getMessage())
			.startsWith("Starting TLS (AUTH TLS) with 127.0.0.1:" + this.server.port()
					+ " failed: the server does not offer explicit TLS: ")
			.endsWith(" — use IMPLICIT_TLS (port 990) or NONE");
	}

	@Test
	void explicitTlsAgainstAnImplicitPortSuggestsImplicitTls() {
		start(localhost, true);
		FtpUploader impatient = new FtpUploader(
				new TransferProperties(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5)));

		FtpConnectException ex = catchThrowableOfType(FtpConnectException.class,
				() -> impatient.upload(
						target(new TlsOptions(Security.EXPLICIT_TLS, localhost.pem(), false), TransferMode.PASSIVE),
						"f.bin", FtpServers.utf8("x"), new Transcript()));

		assertThat(ex.getMessage()).startsWith("Connecting to 127.0.0.1:" + this.server.port() + " failed: ")
			.endsWith("the server sent no greeting: if this port speaks implicit TLS (usually 990), set security to "
					+ "IMPLICIT_TLS");
	}

	@Test
	void implicitTlsAgainstAPlainServerFailsInTheTlsPhase() {
		this.server = EmbeddedFtpServer.builder().rootDirectory(this.root).user(USER, PASSWORD).build().start();

		FtpTlsException ex = catchThrowableOfType(FtpTlsException.class,
				() -> upload(new TlsOptions(Security.IMPLICIT_TLS, localhost.pem(), false)));

		assertThat(ex.getMessage()).startsWith("TLS handshake with 127.0.0.1:" + this.server.port() + " failed: ");
	}

	private void start(TestCertificate certificate, boolean implicit) {
		this.server = EmbeddedFtpServer.builder()
			.rootDirectory(this.root)
			.user(USER, PASSWORD)
			.tls(certificate.keystore(), certificate.password(), implicit)
			.build()
			.start();
	}

	private UploadResult upload(TlsOptions tls) {
		return this.uploader.upload(target(tls, TransferMode.PASSIVE), "f.bin", FtpServers.utf8("x"), new Transcript());
	}

	private FtpTarget target(TlsOptions tls, TransferMode mode) {
		return new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, PASSWORD, "", FileType.BINARY,
				DataOptions.of(mode), tls, null);
	}

	private static String fingerprint(TestCertificate certificate) throws Exception {
		X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(certificate.pem().getBytes(StandardCharsets.US_ASCII)));
		return HexFormat.ofDelimiter(":")
			.withUpperCase()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(x509.getEncoded()));
	}

}
