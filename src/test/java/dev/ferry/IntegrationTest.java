package dev.ferry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.awaitility.Awaitility.await;

/**
 * Base of the tests that run the whole service on a random port, over a real in-memory H2
 * database, against the shared in-process FTP server. All of them share one application
 * context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:ferry-it;DB_CLOSE_DELAY=-1", "ferry.data-dir=target/it-data",
				"ferry.transfer.connect-timeout=5s", "ferry.transfer.control-timeout=10s",
				"ferry.transfer.data-timeout=10s", "ferry.security.admin-password=" + Api.ADMIN_PASSWORD,
				"ferry.security.viewer-password=" + Api.VIEWER_PASSWORD,
				// failed logins from 127.0.0.1 in one test must not slow down the others
				"ferry.security.free-login-failures=1000" })
public abstract class IntegrationTest {

	@LocalServerPort
	private int port;

	protected Api api;

	@BeforeEach
	void connectApi() {
		this.api = new Api(this.port);
	}

	/** A valid job request that backs up {@code source} to the test FTP server. */
	public static ObjectNode jobRequest(String name, Path source, String transferMode) {
		ObjectNode job = Api.JSON.createObjectNode();
		job.put("name", name);
		job.putArray("sources").add(source.toString());
		job.putArray("excludes").add("**/*.tmp").add("cache/**");
		job.putObject("archive").put("format", "TAR_GZ");
		job.putObject("target")
			.put("host", "127.0.0.1")
			.put("port", TestFtp.port())
			.put("username", TestFtp.USER)
			.put("password", TestFtp.PASSWORD)
			.put("remoteDir", "/backups/" + name)
			.put("transferMode", transferMode)
			.put("fileType", "BINARY");
		job.put("enabled", true);
		return job;
	}

	/** Creates a job and returns its id. */
	protected long createJob(ObjectNode request) {
		Api.Response created = this.api.post("/api/jobs", request);
		if (created.status() != 201) {
			throw new IllegalStateException("Creating the job failed: " + created.status() + " " + created.body());
		}
		return created.id();
	}

	/** Starts a run now and waits until it ends; returns the ended run. */
	protected JsonNode runNow(long jobId) {
		Api.Response started = this.api.post("/api/jobs/" + jobId + "/runs", "");
		if (started.status() != 202) {
			throw new IllegalStateException("Run now failed: " + started.status() + " " + started.body());
		}
		return awaitEnd(started.id());
	}

	/** Waits until a run is no longer QUEUED or RUNNING. */
	protected JsonNode awaitEnd(long runId) {
		AtomicReference<JsonNode> run = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			run.set(this.api.get("/api/runs/" + runId).json());
			String status = run.get().path("status").asString();
			return !status.equals("RUNNING") && !status.equals("QUEUED");
		});
		return run.get();
	}

}
