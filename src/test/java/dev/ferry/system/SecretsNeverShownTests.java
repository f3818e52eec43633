package dev.ferry.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.TestFtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FTP password never appears in an API response, a problem body, a log line (even at
 * DEBUG), a transcript or an error message: through a successful run, a refused login, a
 * refused request, a probe and a retention preview.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverShownTests extends IntegrationTest {

	private static final String WRONG_PASSWORD = "wrong-Pw-4417#not-this";

	@TempDir
	static Path dir;

	@Autowired
	LoggingSystem logging;

	private final List<String> answers = new ArrayList<>();

	@BeforeEach
	void logEverything() {
		this.logging.setLogLevel("dev.ferry", LogLevel.DEBUG);
	}

	@AfterEach
	void logAsBefore() {
		this.logging.setLogLevel("dev.ferry", null);
	}

	@Test
	void thePasswordAppearsNowhere(CapturedOutput output) {
		Path source = SourceTree.create(dir, "secret-source");
		ObjectNode good = jobRequest("secrets-good", source, "AUTO");
		good.putObject("retention").put("keepLast", 2);
		long goodId = createJob(good);
		ObjectNode wrong = jobRequest("secrets-wrong", source, "PASSIVE");
		((ObjectNode) wrong.path("target")).put("password", WRONG_PASSWORD);
		long wrongId = createJob(wrong);

		JsonNode succeeded = runNow(goodId);
		JsonNode failed = runNow(wrongId);
		assertThat(succeeded.path("status").asString()).as(succeeded.toString()).isEqualTo("SUCCEEDED");
		assertThat(failed.path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.path("error").path("type").asString()).isEqualTo("LOGIN");

		keep(this.api.get("/api/jobs/" + goodId));
		keep(this.api.get("/api/jobs"));
		keep(this.api.get("/api/runs?size=200"));
		keep(this.api.get("/api/runs/" + succeeded.path("id").asLong() + "/transcript"));
		keep(this.api.get("/api/runs/" + failed.path("id").asLong() + "/transcript"));
		keep(this.api.post("/api/jobs/" + wrongId + "/probe", ""));
		keep(this.api.get("/api/jobs/" + goodId + "/retention/preview"));
		keep(this.api.get("/api/jobs/" + wrongId + "/retention/preview"));
		ObjectNode refused = jobRequest("secrets-refused", source, "PASSIVE");
		((ObjectNode) refused.path("target")).put("port", 0).put("password", WRONG_PASSWORD);
		keep(this.api.post("/api/jobs", refused));
		keep(this.api.post("/api/targets/probe", wrong.path("target")));
		keep(this.api.get("/"));

		assertThat(this.answers)
			.allSatisfy((answer) -> assertThat(answer).doesNotContain(TestFtp.PASSWORD).doesNotContain(WRONG_PASSWORD));
		// The transcript did record the login, masked.
		assertThat(this.answers.get(3)).contains("PASS ****");
		assertThat(output.getAll()).contains("secrets-wrong")
			.doesNotContain(TestFtp.PASSWORD)
			.doesNotContain(WRONG_PASSWORD);
	}

	private void keep(Api.Response response) {
		assertThat(response.status()).as(response.body()).isNotEqualTo(500);
		this.answers.add(response.body());
	}

}
