package dev.ferry.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.Api;
import dev.ferry.FerryApplication;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.TestFtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens at start-up and across restarts, each in a service of its own on a
 * database file: the generated admin password, FTP passwords encrypted in the database
 * file, a key rotation, a wrong key, and login throttling.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityStartTests {

	private static final Pattern GENERATED = Pattern.compile("for user 'admin':\\s+(\\S+)\\s");

	@TempDir
	Path dataDir;

	@TempDir
	Path sources;

	@Test
	void withoutUsersAnAdminPasswordIsGeneratedShownOnceAndKeptAsAHash(CapturedOutput output) throws IOException {
		String password;
		try (ConfigurableApplicationContext app = start()) {
			Matcher matcher = GENERATED.matcher(output.getAll());
			assertThat(matcher.find()).as("the generated password in the log").isTrue();
			password = matcher.group(1);
			assertThat(api(app, "admin", password).get("/api/jobs").status()).isEqualTo(200);
			assertThat(api(app, "admin", "guess").get("/api/jobs").status()).isEqualTo(401);
		}
		Path hash = this.dataDir.resolve(FerryUsers.GENERATED_FILE);
		assertThat(Files.readString(hash)).startsWith("{bcrypt}").doesNotContain(password);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hash))).isEqualTo("rw-------");
		int shown = count(output.getAll(), password);

		try (ConfigurableApplicationContext app = start()) {
			assertThat(api(app, "admin", password).get("/api/jobs").status()).isEqualTo(200);
		}
		assertThat(count(output.getAll(), password)).as("shown only at first start").isEqualTo(shown);
	}

	@Test
	void ftpPasswordsNeverReachTheDatabaseFileAndSurviveAKeyRotation(CapturedOutput output) throws IOException {
		String ftpPassword = TestFtp.PASSWORD;
		long jobId;
		try (ConfigurableApplicationContext app = start(Api.USERS)) {
			jobId = api(app)
				.post("/api/jobs",
						IntegrationTest.jobRequest("at-rest", SourceTree.create(this.sources, "rest"), "PASSIVE"))
				.id();
			assertThat(run(app, jobId).path("status").asString()).isEqualTo("SUCCEEDED");
		}
		byte[] database = Files.readAllBytes(this.dataDir.resolve("ferry.mv.db"));
		assertThat(contains(database, ftpPassword.getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(contains(database, ftpPassword.getBytes(StandardCharsets.UTF_16BE))).isFalse();
		Path keyFile = this.dataDir.resolve(SecretKeys.KEY_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		String generatedKey = Files.readString(keyFile).strip();
		String newKey = newKey();

		// A new key without the old one: the service starts, says which job is affected,
		// and its runs fail with the explanation.
		try (ConfigurableApplicationContext app = start(Api.USERS[0], Api.USERS[1],
				"--ferry.security.secret-key=" + newKey)) {
			assertThat(output.getAll()).contains("cannot be decrypted").contains("'at-rest' (id " + jobId + ")");
			JsonNode job = api(app).get("/api/jobs/" + jobId).json();
			assertThat(job.path("warnings").toString()).contains("cannot be decrypted");
			JsonNode failed = run(app, jobId);
			assertThat(failed.path("status").asString()).isEqualTo("FAILED");
			assertThat(failed.path("error").path("type").asString()).isEqualTo("SECRET");
			assertThat(failed.path("error").path("message").asString()).contains("'at-rest'")
				.contains("FERRY_SECRET_KEY_PREVIOUS");
		}

		// The rotation: the old key as the previous one re-encrypts with the new.
		try (ConfigurableApplicationContext app = start(Api.USERS[0], Api.USERS[1],
				"--ferry.security.secret-key=" + newKey, "--ferry.security.secret-key-previous=" + generatedKey)) {
			assertThat(run(app, jobId).path("status").asString()).isEqualTo("SUCCEEDED");
		}
		try (ConfigurableApplicationContext app = start(Api.USERS[0], Api.USERS[1],
				"--ferry.security.secret-key=" + newKey)) {
			assertThat(run(app, jobId).path("status").asString()).as("re-encrypted with the new key")
				.isEqualTo("SUCCEEDED");
		}
		assertThat(output.getAll()).doesNotContain(ftpPassword);
	}

	@Test
	void aKeyOfTheWrongSizeStopsTheStartWithAnExplanation() {
		Throwable failure = org.assertj.core.api.Assertions
			.catchThrowable(() -> start(Api.USERS[0], Api.USERS[1], "--ferry.security.secret-key=c2hvcnQ="));

		assertThat(failure).isNotNull();
		assertThat(rootMessage(failure)).contains("FERRY_SECRET_KEY must be 256 bits")
			.contains("openssl rand -base64 32");
	}

	@Test
	void repeatedFailedLoginsAreLoggedAndSlowedDown(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start(Api.USERS[0], Api.USERS[1],
				"--ferry.security.free-login-failures=3")) {
			Api guesser = api(app, "admin", "guess-Nr-1");
			for (int i = 0; i < 3; i++) {
				assertThat(guesser.get("/api/jobs").status()).isEqualTo(401);
			}
			// one more failure starts the delay
			assertThat(guesser.get("/api/jobs").status()).isEqualTo(401);

			Api.Response refused = guesser.get("/api/jobs");
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused.contentType()).startsWith("application/problem+json");
			String seconds = refused.headers().firstValue("Retry-After").get();
			assertThat(refused.json()).isEqualTo(Api.JSON.createObjectNode()
				.put("type", "about:blank")
				.put("title", "Too many failed logins")
				.put("status", 429)
				.put("detail",
						"Too many failed logins for this user name or from this address; try again in " + seconds
								+ " s.")
				.put("instance", "/api/jobs"));
			// even the right password waits: the password is not even checked
			assertThat(api(app).get("/api/jobs").status()).isEqualTo(429);
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> api(app).get("/api/jobs").status() == 200);
			assertThat(output.getAll()).contains("Failed login for user 'admin' from 127.0.0.1")
				.doesNotContain("guess-Nr-1");
		}
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--ferry.data-dir=" + this.dataDir,
				"--spring.quartz.scheduler-name=security-test", "--ferry.transfer.connect-timeout=5s"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(FerryApplication.class).run(args.toArray(String[]::new));
	}

	private static JsonNode run(ConfigurableApplicationContext app, long jobId) {
		Api api = api(app);
		long runId = api.post("/api/jobs/" + jobId + "/runs", "").id();
		await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> !api.get("/api/runs/" + runId).json().path("status").asString().equals("RUNNING"));
		return api.get("/api/runs/" + runId).json();
	}

	private static Api api(ConfigurableApplicationContext app) {
		return api(app, Api.ADMIN, Api.ADMIN_PASSWORD);
	}

	private static Api api(ConfigurableApplicationContext app, String user, String password) {
		return new Api(((WebServerApplicationContext) app).getWebServer().getPort(), user, password);
	}

	private static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		StringBuilder messages = new StringBuilder();
		while (cause != null) {
			messages.append(cause.getMessage()).append('\n');
			cause = cause.getCause();
		}
		return messages.toString();
	}

}
