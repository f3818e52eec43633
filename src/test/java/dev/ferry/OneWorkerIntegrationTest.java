package dev.ferry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Base of the tests of queued "run now" runs: the whole service as in
 * {@link IntegrationTest}, but with one manual worker and room for one queued run. Its
 * own context (own in-memory database and Quartz scheduler), shared by these tests.
 */
// @TestPropertySource wins over @SpringBootTest(properties)
@TestPropertySource(properties = { "ferry.runs.manual-threads=1", "ferry.runs.manual-queue=1",
		"spring.datasource.url=jdbc:h2:mem:ferry-one-worker;DB_CLOSE_DELAY=-1",
		"spring.quartz.scheduler-name=ferry-one-worker" })
public abstract class OneWorkerIntegrationTest extends IntegrationTest {

	/** Leaves the worker and the queue free for the next test. */
	@AfterEach
	protected void endActiveRuns() {
		for (String status : new String[] { "QUEUED", "RUNNING" }) {
			for (JsonNode run : this.api.get("/api/runs?size=200&status=" + status).json().path("content")) {
				this.api.post("/api/runs/" + run.path("id").asLong() + "/cancel", "");
			}
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/api/runs?status=RUNNING").json().path("page").path("totalElements").asLong()
					+ this.api.get("/api/runs?status=QUEUED").json().path("page").path("totalElements").asLong() == 0);
	}

	/** A started FTP server in {@code root} that accepts uploads this slowly. */
	protected static EmbeddedFtpServer throttledServer(Path root, int bytesPerSecond) {
		return EmbeddedFtpServer.builder()
			.rootDirectory(root)
			.user(TestFtp.USER, TestFtp.PASSWORD)
			.uploadRate(bytesPerSecond)
			.build()
			.start();
	}

	/**
	 * A job that backs up {@code bytes} that gzip cannot shrink (a new source under
	 * {@code dir}) to the server on {@code port}.
	 */
	protected static ObjectNode randomDataJob(Path dir, String name, int bytes, int port) throws IOException {
		Path source = Files.createDirectories(dir.resolve("src-" + name));
		byte[] data = new byte[bytes];
		new Random(name.hashCode()).nextBytes(data);
		Files.write(source.resolve("data.bin"), data);
		ObjectNode request = jobRequest(name, source, "PASSIVE");
		((ObjectNode) request.path("target")).put("port", port);
		return request;
	}

}
