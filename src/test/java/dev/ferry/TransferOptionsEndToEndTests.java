package dev.ferry;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.ferry.demo.EmbeddedFtpServer;
import dev.ferry.transfer.TestCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer modes, FTPS, transcripts and the probe, through the REST API against real FTP
 * servers: one whose passive ports are firewalled (it listens for passive connections on
 * 127.0.0.2, while clients connect to the control host 127.0.0.1, as a firewall that lets
 * only ports 21/20 through refuses them), and one that speaks explicit TLS with a
 * self-signed certificate.
 */
class TransferOptionsEndToEndTests extends IntegrationTest {

	@TempDir
	static Path dir;

	static EmbeddedFtpServer firewalled;

	static EmbeddedFtpServer tls;

	static TestCertificate certificate;

	static Path source;

	@BeforeAll
	static void startServers() throws Exception {
		firewalled = EmbeddedFtpServer.builder()
			.rootDirectory(dir.resolve("firewalled"))
			.user(TestFtp.USER, TestFtp.PASSWORD)
			.passiveAddress("127.0.0.2")
			.build()
			.start();
		certificate = TestCertificate.create(Files.createDirectories(dir.resolve("cert")), "ftps",
				"ip:127.0.0.1,dns:localhost");
		tls = EmbeddedFtpServer.builder()
			.rootDirectory(dir.resolve("tls"))
			.user(TestFtp.USER, TestFtp.PASSWORD)
			.tls(certificate.keystore(), certificate.password(), false)
			.build()
			.start();
		source = SourceTree.create(dir, "site");
	}

	@AfterAll
	static void stopServers() {
		firewalled.close();
		tls.close();
	}

	@Test
	void passiveModeBehindAFirewallFailsAndExplainsWhatToDo() {
		long jobId = createJob(target(jobRequest("firewalled-passive", source, "PASSIVE"), firewalled.port()));

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).isEqualTo("FAILED");
		assertThat(run.path("error").path("type").asString()).isEqualTo("DATA_CONNECTION");
		assertThat(run.path("error").path("message").asString()).contains("127.0.0.1:" + firewalled.port())
			.contains("PASSIVE (PASV): connecting to 127.0.0.1:")
			.contains("227 Entering Passive Mode (127,0,0,2,")
			.contains("was refused")
			.contains("Use ACTIVE or AUTO, or open the passive port range on the server.");
		assertThat(run.path("transferModeUsed").isNull()).isTrue();
	}

	@Test
	void autoFallsBackToActiveRemembersItAndRecordsTheTranscript() {
		long jobId = createJob(target(jobRequest("firewalled-auto", source, "AUTO"), firewalled.port()));

		JsonNode first = runNow(jobId);

		assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
		assertThat(first.path("transferModeUsed").asString()).isEqualTo("PORT");
		assertThat(first.path("transferFallback").asBoolean()).isTrue();
		assertThat(this.api.get("/api/jobs/" + jobId).json().path("target").path("lastDataCommand").asString())
			.isEqualTo("PORT");
		assertThat(TarGzContents.read(onServer("firewalled", first)))
			.containsExactlyInAnyOrderEntriesOf(TarGzContents.expected(source, SourceTree::excluded));

		Api.Response transcript = this.api.get("/api/runs/" + first.path("id").asLong() + "/transcript");
		assertThat(transcript.status()).isEqualTo(200);
		assertThat(transcript.contentType()).startsWith("text/plain");
		assertThat(transcript.body()).contains("Command: USER " + TestFtp.USER)
			.contains("Command: PASS ****")
			.contains("Command: PASV")
			.contains("Command: PORT")
			.contains("Response: 226")
			.doesNotContain(TestFtp.PASSWORD);

		JsonNode second = runNow(jobId);
		assertThat(second.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(second.path("transferModeUsed").asString()).isEqualTo("PORT");
		assertThat(second.path("transferFallback").asBoolean()).isFalse();
	}

	@Test
	void theProbeTellsWhichModeWorksAndRecommendsIt() {
		ObjectNode target = (ObjectNode) target(jobRequest("x", source, "PASSIVE"), firewalled.port()).path("target");
		target.put("remoteDir", "/");

		Api.Response response = this.api.post("/api/targets/probe", target);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.path("steps").findValuesAsString("name")).containsExactly("connect", "login");
		assertThat(report.path("steps").findValues("ok")).allMatch(JsonNode::asBoolean);
		for (JsonNode result : report.path("results")) {
			boolean passive = result.path("mode").asString().endsWith("SV");
			assertThat(result.path("ok").asBoolean()).as(result.toString()).isEqualTo(!passive);
			if (passive) {
				assertThat(result.path("detail").asString()).contains("was refused");
			}
		}
		assertThat(report.path("results").findValuesAsString("mode")).containsExactlyInAnyOrder("PASV", "EPSV", "PORT",
				"EPRT");
		assertThat(report.path("recommended").asString()).isEqualTo("PORT");
		assertThat(report.path("recommendedMode").asString()).isEqualTo("ACTIVE");
		assertThat(report.path("transcript").asString()).contains("PASS ****");
		assertThat(response.body()).doesNotContain(TestFtp.PASSWORD);
	}

	@Test
	void aJobCanBeProbedWithItsStoredPassword() {
		long jobId = createJob(jobRequest("probed-job", source, "PASSIVE"));

		Api.Response response = this.api.post("/api/jobs/" + jobId + "/probe", "");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("steps").findValuesAsString("name")).contains("login");
		assertThat(response.json().path("results").findValues("ok")).hasSize(4).allMatch(JsonNode::asBoolean);
		assertThat(response.body()).doesNotContain(TestFtp.PASSWORD);
		assertThat(this.api.post("/api/jobs/999999/probe", "").status()).isEqualTo(404);
	}

	@Test
	void aProbeOfABadTargetIsRefusedNamingTheFields() {
		ObjectNode target = Api.JSON.createObjectNode().put("host", "").put("port", 0).put("username", "bk");

		Api.Response response = this.api.post("/api/targets/probe", target);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors").findValuesAsString("field")).contains("host", "port");
	}

	@Test
	void aBackupOverExplicitTlsTrustsThePastedCertificate() {
		ObjectNode request = target(jobRequest("ftps", source, "PASSIVE"), tls.port());
		((ObjectNode) request.path("target")).put("security", "EXPLICIT_TLS")
			.put("tlsTrustedCertificate", certificate.pem());
		long jobId = createJob(request);

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		String transcript = this.api.get("/api/runs/" + run.path("id").asLong() + "/transcript").body();
		assertThat(transcript).contains("Command: AUTH TLS", "Command: PROT P").doesNotContain(TestFtp.PASSWORD);
		assertThat(TarGzContents.read(onServer("tls", run)))
			.containsExactlyInAnyOrderEntriesOf(TarGzContents.expected(source, SourceTree::excluded));
	}

	@Test
	void anUntrustedCertificateFailsTheRunAsATlsProblem() {
		ObjectNode request = target(jobRequest("ftps-untrusted", source, "PASSIVE"), tls.port());
		((ObjectNode) request.path("target")).put("security", "EXPLICIT_TLS");
		long jobId = createJob(request);

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).isEqualTo("FAILED");
		assertThat(run.path("error").path("type").asString()).isEqualTo("TLS");
		assertThat(run.path("error").path("message").asString()).contains("127.0.0.1:" + tls.port())
			.contains("tlsTrustedCertificate");
	}

	/** The archive a run uploaded, read from the server's disk. */
	private static byte[] onServer(String server, JsonNode run) {
		try {
			return Files.readAllBytes(dir.resolve(server).resolve(run.path("remotePath").asString().substring(1)));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static ObjectNode target(ObjectNode request, int port) {
		((ObjectNode) request.path("target")).put("port", port);
		return request;
	}

}
