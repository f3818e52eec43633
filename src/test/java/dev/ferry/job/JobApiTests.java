package dev.ferry.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.TestFtp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code /api/jobs} over HTTP against the real service and database.
 */
class JobApiTests extends IntegrationTest {

	@TempDir
	static Path dir;

	static Path source;

	@BeforeAll
	static void createSource() {
		source = SourceTree.create(dir, "site");
	}

	@Test
	void createsAJobAndShowsItWithoutThePassword() {
		ObjectNode request = jobRequest("api-create", source, "ACTIVE");
		request.putObject("schedule").put("cron", "0 30 2 * * ?").put("timezone", "Europe/Berlin");

		Api.Response created = this.api.post("/api/jobs", request);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).endsWith("/api/jobs/" + created.id());
		JsonNode job = created.json();
		assertThat(job.path("name").asString()).isEqualTo("api-create");
		assertThat(job.path("sources").get(0).asString()).isEqualTo(source.toString());
		assertThat(job.path("target").path("transferMode").asString()).isEqualTo("ACTIVE");
		assertThat(job.path("target").path("passwordSet").asBoolean()).isTrue();
		assertThat(job.path("schedule").path("timezone").asString()).isEqualTo("Europe/Berlin");
		assertThat(job.path("nextFireTime").asString()).isNotBlank();
		assertThat(created.body()).doesNotContain(TestFtp.PASSWORD).doesNotContain("\"password\"");
		Api.Response fetched = this.api.get("/api/jobs/" + created.id());
		assertThat(fetched.json()).isEqualTo(job);
		assertThat(this.api.get("/api/jobs").body()).contains("\"api-create\"").doesNotContain(TestFtp.PASSWORD);
	}

	@Test
	void appliesDefaultsForOmittedParts() {
		ObjectNode request = Api.JSON.createObjectNode();
		request.put("name", "api-defaults");
		request.putArray("sources").add(source.toString());
		request.putObject("target").put("host", "backup.example.org").put("username", "bk");

		JsonNode job = this.api.post("/api/jobs", request).json();

		assertThat(job.path("target").path("port").asInt()).isEqualTo(21);
		assertThat(job.path("target").path("transferMode").asString()).isEqualTo("PASSIVE");
		assertThat(job.path("target").path("fileType").asString()).isEqualTo("BINARY");
		assertThat(job.path("target").path("passwordSet").asBoolean()).isFalse();
		assertThat(job.path("archive").path("format").asString()).isEqualTo("TAR_GZ");
		assertThat(job.path("excludes").size()).isZero();
		assertThat(job.path("enabled").asBoolean()).isTrue();
		assertThat(job.path("schedule").isNull()).isTrue();
		assertThat(job.path("nextFireTime").isNull()).isTrue();
		assertThat(job.path("target").path("security").asString()).isEqualTo("NONE");
		assertThat(job.path("target").path("passiveAddress").asString()).isEqualTo("CONTROL_HOST");
		assertThat(job.path("target").path("connectTimeout").isNull()).isTrue();
		assertThat(job.path("warnings").size()).isZero();
	}

	@Test
	void acceptsTransferOptionsAndFlagsAnUncheckedCertificate() {
		ObjectNode request = jobRequest("api-options", source, "AUTO");
		((ObjectNode) request.path("target")).remove("port");
		((ObjectNode) request.path("target")).put("security", "IMPLICIT_TLS")
			.put("tlsInsecure", true)
			.put("passiveAddress", "ANNOUNCED")
			.put("activePortRange", "40000-40100")
			.put("activeExternalAddress", "203.0.113.7")
			.put("connectTimeout", "10")
			.put("dataTimeout", "2m")
			.put("controlKeepAlive", "0");

		Api.Response created = this.api.post("/api/jobs", request);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode target = created.json().path("target");
		assertThat(target.path("port").asInt()).isEqualTo(990);
		assertThat(target.path("security").asString()).isEqualTo("IMPLICIT_TLS");
		assertThat(target.path("transferMode").asString()).isEqualTo("AUTO");
		assertThat(target.path("passiveAddress").asString()).isEqualTo("ANNOUNCED");
		assertThat(target.path("activePortRange").asString()).isEqualTo("40000-40100");
		assertThat(target.path("activeExternalAddress").asString()).isEqualTo("203.0.113.7");
		assertThat(target.path("connectTimeout").asString()).isEqualTo("10s");
		assertThat(target.path("dataTimeout").asString()).isEqualTo("120s");
		assertThat(target.path("controlKeepAlive").asString()).isEqualTo("0s");
		assertThat(target.path("tlsInsecure").asBoolean()).isTrue();
		assertThat(created.json().path("warnings").get(0).asString()).startsWith("target.tlsInsecure:")
			.contains("NOT checked");
		assertThat(this.api.get("/").body()).contains("TLS certificate NOT checked");
	}

	@Test
	void acceptsAFiveFieldCrontabLine() {
		ObjectNode request = jobRequest("api-crontab", source, "PASSIVE");
		request.putObject("schedule").put("cron", "30 2 * * 1-5");

		Api.Response created = this.api.post("/api/jobs", request);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("schedule").path("cron").asString()).isEqualTo("30 2 * * 1-5");
		assertThat(created.json().path("schedule").path("timezone").asString()).isEqualTo("UTC");
		assertThat(created.json().path("nextFireTime").asString()).matches(".*T02:30:00Z");
	}

	@Test
	void acceptsRetriesAndRetention() {
		ObjectNode request = jobRequest("api-retention", source, "PASSIVE");
		request.putObject("retry").put("maxAttempts", 3).put("delaySeconds", 90);
		request.putObject("retention")
			.put("keepLast", 7)
			.put("keepDaily", 7)
			.put("keepWeekly", 4)
			.put("keepMonthly", 12);

		Api.Response created = this.api.post("/api/jobs", request);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode job = created.json();
		assertThat(job.path("retry").path("maxAttempts").asInt()).isEqualTo(3);
		assertThat(job.path("retry").path("delaySeconds").asInt()).isEqualTo(90);
		assertThat(job.path("retention").path("keepLast").asInt()).isEqualTo(7);
		assertThat(job.path("retention").path("keepDaily").asInt()).isEqualTo(7);
		assertThat(job.path("retention").path("keepWeekly").asInt()).isEqualTo(4);
		assertThat(job.path("retention").path("keepMonthly").asInt()).isEqualTo(12);
		assertThat(job.path("retention").path("keepYearly").asInt()).isZero();
		JsonNode defaults = this.api.post("/api/jobs", jobRequest("api-no-retention", source, "PASSIVE")).json();
		assertThat(defaults.path("retry").path("maxAttempts").asInt()).isEqualTo(1);
		assertThat(defaults.path("retention").isNull()).isTrue();
	}

	@Test
	void updatesAJobAndKeepsThePasswordWhenTheRequestOmitsIt() {
		long id = createJob(jobRequest("api-update", source, "PASSIVE"));
		ObjectNode change = jobRequest("api-update-renamed", source, "ACTIVE");
		((ObjectNode) change.path("target")).remove("password");

		Api.Response updated = this.api.put("/api/jobs/" + id, change);

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().path("name").asString()).isEqualTo("api-update-renamed");
		assertThat(updated.json().path("target").path("transferMode").asString()).isEqualTo("ACTIVE");
		assertThat(updated.json().path("target").path("passwordSet").asBoolean()).isTrue();
		// the kept password still logs in: the proof is a real upload
		assertThat(runNow(id).path("status").asString()).isEqualTo("SUCCEEDED");
	}

	@ParameterizedTest(name = "changing {0} needs the password again")
	@CsvSource(delimiter = '|', textBlock = """
			host     | localhost
			port     | 2
			username | someone-else
			security | EXPLICIT_TLS
			""")
	void aStoredPasswordIsNeverRedirectedToAnotherServer(String field, String value) {
		long id = createJob(jobRequest("api-redirect-" + field, source, "PASSIVE"));
		JsonNode before = this.api.get("/api/jobs/" + id).json();
		ObjectNode change = jobRequest("api-redirect-" + field, source, "PASSIVE");
		ObjectNode target = (ObjectNode) change.path("target");
		target.remove("password");
		if (field.equals("port")) {
			target.put(field, Integer.parseInt(value));
		}
		else {
			target.put(field, value);
		}

		Api.Response refused = this.api.put("/api/jobs/" + id, change);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("target.password");
		assertThat(refused.json().path("detail").asString()).contains("is required when " + field + " change");
		assertThat(this.api.get("/api/jobs/" + id).json()).isEqualTo(before);

		target.put("password", "a-new-one");
		assertThat(this.api.put("/api/jobs/" + id, change).status()).isEqualTo(200);
	}

	@Test
	void pausesAndResumesTheSchedule() {
		ObjectNode request = jobRequest("api-pause", source, "PASSIVE");
		request.putObject("schedule").put("cron", "0 0 3 * * ?");
		long id = createJob(request);

		JsonNode paused = this.api.put("/api/jobs/" + id + "/pause").json();
		assertThat(paused.path("enabled").asBoolean()).isFalse();
		assertThat(paused.path("nextFireTime").isNull()).isTrue();

		JsonNode resumed = this.api.put("/api/jobs/" + id + "/resume").json();
		assertThat(resumed.path("enabled").asBoolean()).isTrue();
		assertThat(resumed.path("nextFireTime").asString()).endsWith("T03:00:00Z");
	}

	@Test
	void deletesAJob() {
		long id = createJob(jobRequest("api-delete", source, "PASSIVE"));

		assertThat(this.api.delete("/api/jobs/" + id).status()).isEqualTo(204);

		assertThat(this.api.get("/api/jobs/" + id).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/jobs/" + id).status()).isEqualTo(404);
	}

	@Test
	void refusesASecondJobWithTheSameName() {
		createJob(jobRequest("api-twice", source, "PASSIVE"));

		Api.Response second = this.api.post("/api/jobs", jobRequest("api-twice", source, "ACTIVE"));

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.contentType()).startsWith("application/problem+json");
		assertThat(second.json().path("detail").asString()).contains("api-twice");
	}

	@Test
	void answersUnknownIdsWith404Problems() {
		for (Api.Response response : new Api.Response[] { this.api.get("/api/jobs/999999"),
				this.api.put("/api/jobs/999999", jobRequest("x", source, "PASSIVE")),
				this.api.put("/api/jobs/999999/pause"), this.api.post("/api/jobs/999999/runs", ""),
				this.api.get("/api/runs/999999") }) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().path("detail").asString()).contains("999999");
		}
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(arguments("no name", "name", edit((j) -> j.remove("name"))),
				arguments("a name with spaces", "name", edit((j) -> j.put("name", "my backup"))),
				arguments("a name of 65 characters", "name", edit((j) -> j.put("name", "n".repeat(65)))),
				arguments("a name with a path", "name", edit((j) -> j.put("name", "../etc"))),
				arguments("no sources", "sources", edit((j) -> j.putArray("sources"))),
				arguments("sources not an array", "sources", edit((j) -> j.put("sources", 5))),
				arguments("a relative source", "sources[0]", edit((j) -> j.putArray("sources").add("srv/www"))),
				arguments("a missing source", "sources[0]",
						edit((j) -> j.putArray("sources").add("/no/such/dir/anywhere"))),
				arguments("a file as source", "sources[0]",
						edit((j) -> j.putArray("sources").add(source.resolve("index.html").toString()))),
				arguments("a source with ..", "sources[0]",
						edit((j) -> j.putArray("sources").add(source + "/../site"))),
				arguments("two sources with one name", "sources[1]",
						edit((j) -> j.putArray("sources").add(source.toString()).add(source.toString()))),
				arguments("an absolute exclude", "excludes[0]", edit((j) -> j.putArray("excludes").add("/etc/**"))),
				arguments("no target", "target", edit((j) -> j.remove("target"))),
				arguments("a blank host", "target.host", editTarget((t) -> t.put("host", " "))),
				arguments("a host with a space", "target.host", editTarget((t) -> t.put("host", "a b"))),
				arguments("port 0", "target.port", editTarget((t) -> t.put("port", 0))),
				arguments("port 65536", "target.port", editTarget((t) -> t.put("port", 65536))),
				arguments("a port that is text", "target.port", editTarget((t) -> t.put("port", "twenty-one"))),
				arguments("no username", "target.username", editTarget((t) -> t.remove("username"))),
				arguments("a username with CRLF", "target.username",
						editTarget((t) -> t.put("username", "bk\r\nDELE x"))),
				arguments("a password with CRLF", "target.password",
						editTarget((t) -> t.put("password", "pw\r\nDELE x"))),
				arguments("a remote dir with ..", "target.remoteDir",
						editTarget((t) -> t.put("remoteDir", "/backups/../etc"))),
				// stored trimmed, so checked trimmed: " ../x" is "../x"
				arguments("a remote dir that starts with a space and ..", "target.remoteDir",
						editTarget((t) -> t.put("remoteDir", " ../x"))),
				arguments("a remote dir with a segment '.. '", "target.remoteDir",
						editTarget((t) -> t.put("remoteDir", "/backups/.. /etc"))),
				arguments("a remote dir with .. between backslashes", "target.remoteDir",
						editTarget((t) -> t.put("remoteDir", "backups\\..\\etc"))),
				arguments("an unknown transfer mode", "target.transferMode",
						editTarget((t) -> t.put("transferMode", "SIDEWAYS"))),
				arguments("an unknown file type", "target.fileType", editTarget((t) -> t.put("fileType", "EBCDIC"))),
				arguments("an unknown archive format", "archive.format",
						edit((j) -> j.putObject("archive").put("format", "RAR"))),
				arguments("an invalid cron", "schedule.cron",
						edit((j) -> j.putObject("schedule").put("cron", "every night"))),
				arguments("a blank cron", "schedule.cron", edit((j) -> j.putObject("schedule").put("cron", ""))),
				arguments("an unknown time zone", "schedule.timezone", edit(
						(j) -> j.putObject("schedule").put("cron", "0 0 3 * * ?").put("timezone", "Mars/Olympus"))),
				arguments("an unknown field", "colour", edit((j) -> j.put("colour", "blue"))),
				arguments("an unknown target field", "target.passwd", editTarget((t) -> t.put("passwd", "secret"))),
				arguments("enabled that is not a boolean", "enabled", edit((j) -> j.putArray("enabled"))),
				arguments("a host with a NUL", "target.host", editTarget((t) -> t.put("host", "ftp\u0000.example"))),
				arguments("a port beyond any integer", "target.port", editTarget((t) -> t.put("port", 99999999999L))),
				arguments("an exclude of 1025 characters", "excludes[0]",
						edit((j) -> j.putArray("excludes").add("x".repeat(1025)))),
				arguments("an active port range that is no range", "target.activePortRange",
						editTarget((t) -> t.put("activePortRange", "forty"))),
				arguments("privileged active ports", "target.activePortRange",
						editTarget((t) -> t.put("activePortRange", "80-90"))),
				arguments("an external address with a space", "target.activeExternalAddress",
						editTarget((t) -> t.put("activeExternalAddress", "10.0.0 7"))),
				arguments("an unknown passive address", "target.passiveAddress",
						editTarget((t) -> t.put("passiveAddress", "SOMEWHERE"))),
				arguments("an unknown security", "target.security", editTarget((t) -> t.put("security", "SSL"))),
				arguments("a certificate that is not one", "target.tlsTrustedCertificate",
						editTarget((t) -> t.put("security", "EXPLICIT_TLS")
							.put("tlsTrustedCertificate",
									"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----"))),
				arguments("a certificate without TLS", "target.tlsTrustedCertificate",
						editTarget((t) -> t.put("tlsTrustedCertificate", "-----BEGIN CERTIFICATE-----"))),
				arguments("tlsInsecure without TLS", "target.tlsInsecure",
						editTarget((t) -> t.put("tlsInsecure", true))),
				arguments("a connect timeout that is no duration", "target.connectTimeout",
						editTarget((t) -> t.put("connectTimeout", "forever"))),
				arguments("a data timeout of two days", "target.dataTimeout",
						editTarget((t) -> t.put("dataTimeout", "2d"))),
				arguments("a keep-alive of one second", "target.controlKeepAlive",
						editTarget((t) -> t.put("controlKeepAlive", "1s"))),
				arguments("a source of 4097 characters", "sources[0]",
						edit((j) -> j.putArray("sources").add("/" + "s".repeat(4096)))),
				arguments("a name with a control character", "name", edit((j) -> j.put("name", "nightly\u0007"))),
				arguments("no attempt at all", "retry.maxAttempts",
						edit((j) -> j.putObject("retry").put("maxAttempts", 0))),
				arguments("21 attempts", "retry.maxAttempts", edit((j) -> j.putObject("retry").put("maxAttempts", 21))),
				arguments("a retry without delay", "retry.delaySeconds",
						edit((j) -> j.putObject("retry").put("delaySeconds", 0))),
				arguments("a retry delay that is text", "retry.delaySeconds",
						edit((j) -> j.putObject("retry").put("delaySeconds", "soon"))),
				arguments("retry not an object", "retry", edit((j) -> j.put("retry", 3))),
				arguments("a negative keepLast", "retention.keepLast",
						edit((j) -> j.putObject("retention").put("keepLast", -1))),
				arguments("a negative keepDaily", "retention.keepDaily",
						edit((j) -> j.putObject("retention").put("keepLast", 3).put("keepDaily", -7))),
				arguments("a retention that keeps nothing", "retention",
						edit((j) -> j.putObject("retention").put("keepLast", 0))),
				arguments("an unknown retention rule", "retention.keepForever",
						edit((j) -> j.putObject("retention").put("keepForever", true))));
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@MethodSource("badRequests")
	void refusesBadRequestsNamingTheFieldAndStoresNothing(String description, String field, Consumer<ObjectNode> edit) {
		int jobsBefore = this.api.get("/api/jobs").json().size();
		ObjectNode request = jobRequest("api-bad", source, "PASSIVE");
		edit.accept(request);

		Api.Response response = this.api.post("/api/jobs", request);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
		assertThat(response.body()).doesNotContain(TestFtp.PASSWORD).doesNotContain("Exception");
		assertThat(this.api.get("/api/jobs").json().size()).isEqualTo(jobsBefore);
	}

	@Test
	void refusesABodyThatIsNotAnObject() {
		Api.Response response = this.api.post("/api/jobs", "[]");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("body");
	}

	@Test
	void storesSourcesInTheirNormalForm() {
		ObjectNode request = jobRequest("api-normal", source, "PASSIVE");
		request.putArray("sources").add(source + "/");

		Api.Response created = this.api.post("/api/jobs", request);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("sources").get(0).asString()).isEqualTo(source.toString());
	}

	@Test
	void readsOffsetTimeZonesAsOffsets() {
		ObjectNode request = jobRequest("api-offset", source, "PASSIVE");
		request.putObject("schedule").put("cron", "0 0 3 * * ?").put("timezone", "UTC+01:00");

		Api.Response created = this.api.post("/api/jobs", request);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("nextFireTime").asString()).endsWith("T02:00:00Z");
	}

	@Test
	void aScheduleThatCanNeverFireAgainLeavesTheJobWithoutTrigger() {
		// A one-shot schedule (with a year) a few seconds from now: valid when created
		// ...
		ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
		ObjectNode request = jobRequest("api-one-shot", source, "PASSIVE");
		request.putObject("schedule")
			.put("cron", at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
					+ at.getMonthValue() + " ? " + at.getYear());
		long id = createJob(request);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ZonedDateTime.now(ZoneOffset.UTC).isAfter(at.plusSeconds(1)));

		// ... and afterwards a job like any manual one, not an error.
		Api.Response resumed = this.api.put("/api/jobs/" + id + "/resume");

		assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
		assertThat(resumed.json().path("nextFireTime").isNull()).isTrue();
		assertThat(this.api.put("/api/jobs/" + id, request).status()).isEqualTo(400);
	}

	@Test
	void concurrentChangesToOneJobAreConflictsNotErrors() throws Exception {
		long id = createJob(jobRequest("api-race", source, "PASSIVE"));
		List<Callable<Integer>> changes = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ObjectNode change = jobRequest("api-race", source, (i % 2 == 0) ? "ACTIVE" : "PASSIVE");
			changes.add(() -> this.api.put("/api/jobs/" + id, change).status());
			String toggle = "/api/jobs/" + id + ((i % 2 == 0) ? "/pause" : "/resume");
			changes.add(() -> this.api.put(toggle).status());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(changes)) {
				statuses.add(status.get());
			}
			assertThat(statuses).containsOnly(200, 409).contains(200);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.api.get("/api/jobs/" + id).status()).isEqualTo(200);
	}

	@Test
	void refusesMalformedJson() {
		Api.Response response = this.api.post("/api/jobs", "{\"name\": \"x\", ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").findValuesAsString("field")).contains("body");
	}

	@Test
	void refusesABadUpdateAndKeepsTheStoredJob() throws Exception {
		long id = createJob(jobRequest("api-keep", source, "PASSIVE"));
		JsonNode before = this.api.get("/api/jobs/" + id).json();
		ObjectNode change = jobRequest("api-keep", source, "PASSIVE");
		((ObjectNode) change.path("target")).put("port", -1);

		assertThat(this.api.put("/api/jobs/" + id, change).status()).isEqualTo(400);

		assertThat(this.api.get("/api/jobs/" + id).json()).isEqualTo(before);
		assertThat(Files.isDirectory(source)).isTrue();
	}

	private static Consumer<ObjectNode> edit(Consumer<ObjectNode> edit) {
		return edit;
	}

	private static Consumer<ObjectNode> editTarget(Consumer<ObjectNode> edit) {
		return (job) -> edit.accept((ObjectNode) job.path("target"));
	}

}
