package dev.ferry.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.TestFtp;
import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phase a run records is the step of its pipeline that was under way: a run that
 * fails keeps the phase of the step that failed, so the history says how far it got.
 * Checking the sources and connecting are {@code ARCHIVING}; from the moment the upload
 * starts (choosing a free name, opening the data connection, streaming) it is
 * {@code UPLOADING}.
 */
class RunPhaseTests extends IntegrationTest {

	@TempDir
	static Path dir;

	/** Listens for passive data connections where no client reaches it (127.0.0.2). */
	static EmbeddedFtpServer firewalled;

	@BeforeAll
	static void startFirewalledServer() {
		firewalled = EmbeddedFtpServer.builder()
			.rootDirectory(dir.resolve("firewalled"))
			.user(TestFtp.USER, TestFtp.PASSWORD)
			.passiveAddress("127.0.0.2")
			.build()
			.start();
	}

	@AfterAll
	static void stopFirewalledServer() {
		firewalled.close();
	}

	@ParameterizedTest(name = "{0} fails the run in {1}")
	@CsvSource({ "SOURCE, ARCHIVING", "LOGIN, ARCHIVING", "DATA_CONNECTION, UPLOADING" })
	void aFailedRunKeepsThePhaseOfTheStepThatFailed(String failure, String phase) throws IOException {
		String name = "phase-" + failure.toLowerCase(Locale.ROOT).replace('_', '-');
		Path source = Files.createDirectories(dir.resolve(name));
		ObjectNode request = jobRequest(name, source, "PASSIVE");
		ObjectNode target = (ObjectNode) request.path("target");
		switch (failure) {
			case "LOGIN" -> target.put("password", "not-the-password");
			case "DATA_CONNECTION" -> target.put("port", firewalled.port());
			default -> {
			}
		}
		long jobId = createJob(request);
		if (failure.equals("SOURCE")) {
			Files.delete(source);
		}

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("FAILED");
		assertThat(run.path("error").path("type").asString()).isEqualTo(failure);
		assertThat(run.path("phase").asString()).isEqualTo(phase);
	}

	@Test
	void aSucceededRunIsInNoPhaseAnyMore() {
		JsonNode run = runNow(createJob(jobRequest("phase-done", SourceTree.create(dir, "phase-done"), "PASSIVE")));

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("phase").isNull()).isTrue();
	}

}
