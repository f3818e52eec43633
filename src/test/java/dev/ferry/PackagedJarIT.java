package dev.ferry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar on its own, as a container runs it: {@code java -jar} from an empty
 * directory with no {@code application.yml} beside it, configured by environment
 * variables only. Every documented variable must take effect, with non-ASCII values, and
 * nothing may be written outside {@code FERRY_DATA_DIR}.
 */
class PackagedJarIT {

	private static final String ADMIN_PASSWORD = "Schlüssel-管理员-pw";

	private static final String VIEWER_PASSWORD = "Zuschauer-观众-pw";

	private static final Path LOGS = Path.of("target", "packaged-jar-it");

	/** Where the jar starts: must stay empty. */
	@TempDir
	Path workingDirectory;

	@TempDir
	Path parent;

	@TempDir
	Path sources;

	@Test
	void theJarTakesItsWholeConfigurationFromTheEnvironment() throws IOException {
		Path dataDir = this.parent.resolve("données-备份");
		String oldKey = newKey();
		String newKey = newKey();
		Files.createDirectories(LOGS);
		long jobId;
		String firstOutput;
		try (PackagedJar ferry = PackagedJar.start(this.workingDirectory, environment(dataDir, oldKey, null),
				LOGS.resolve("first-start.log"))) {
			Api admin = new Api(ferry.port(), Api.ADMIN, ADMIN_PASSWORD);
			Api viewer = admin.as(Api.VIEWER, VIEWER_PASSWORD);
			assertThat(admin.get("/api/jobs").status()).as("admin with FERRY_ADMIN_PASSWORD").isEqualTo(200);
			assertThat(admin.as(Api.ADMIN, "wrong").get("/api/jobs").status()).isEqualTo(401);
			assertThat(viewer.get("/api/jobs").status()).as("viewer with FERRY_VIEWER_PASSWORD").isEqualTo(200);
			var request = IntegrationTest.jobRequest("packaged", SourceTree.create(this.sources, "site"), "PASSIVE");
			assertThat(viewer.post("/api/jobs", request).status()).as("a viewer's POST").isEqualTo(403);
			Api.Response created = admin.post("/api/jobs", request);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			jobId = created.id();
			firstOutput = ferry.output();
		}
		assertThat(dataDir.resolve("ferry.mv.db")).as("the H2 database under FERRY_DATA_DIR").isRegularFile();
		assertThat(fileNames(dataDir)).as("nothing generated in place of the configured password and key")
			.doesNotContain("admin-password.bcrypt", "secret.key");

		// Rotation: the new key, and the old one to read what is stored.
		try (PackagedJar ferry = PackagedJar.start(this.workingDirectory, environment(dataDir, newKey, oldKey),
				LOGS.resolve("second-start.log"))) {
			Api admin = new Api(ferry.port(), Api.ADMIN, ADMIN_PASSWORD);
			JsonNode job = admin.get("/api/jobs/" + jobId).json();
			assertThat(job.path("name").asString()).isEqualTo("packaged");
			assertThat(job.path("warnings").isArray()).as(job.toString()).isTrue();
			assertThat(job.path("warnings").toString()).doesNotContain("cannot be decrypted");
			JsonNode run = runNow(admin, jobId);
			assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
			assertThat(TestFtp.root().resolve(run.path("remotePath").asString().substring(1))).isRegularFile();
			assertThat(firstOutput + ferry.output()).as("the service's output")
				.doesNotContain(ADMIN_PASSWORD, VIEWER_PASSWORD, oldKey, newKey, TestFtp.PASSWORD);
		}
		assertThat(fileNames(dataDir)).doesNotContain("admin-password.bcrypt", "secret.key");
		assertThat(this.workingDirectory).as("the working directory").isEmptyDirectory();
	}

	private static Map<String, String> environment(Path dataDir, String secretKey, String previousKey) {
		Map<String, String> environment = PackagedJar.baseEnvironment();
		environment.put("FERRY_DATA_DIR", dataDir.toString());
		environment.put("FERRY_ADMIN_PASSWORD", ADMIN_PASSWORD);
		environment.put("FERRY_VIEWER_PASSWORD", VIEWER_PASSWORD);
		environment.put("FERRY_SECRET_KEY", secretKey);
		if (previousKey != null) {
			environment.put("FERRY_SECRET_KEY_PREVIOUS", previousKey);
		}
		return environment;
	}

	private static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static List<String> fileNames(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static JsonNode runNow(Api api, long jobId) {
		Api.Response started = api.post("/api/jobs/" + jobId + "/runs", "");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		AtomicReference<JsonNode> run = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			run.set(api.get("/api/runs/" + started.id()).json());
			return !run.get().path("status").asString().equals("RUNNING");
		});
		return run.get();
	}

}
