package dev.ferry.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.TestFtp;
import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected into real uploads: the FTP server stopped mid-upload and started again,
 * a slow upload cancelled, a permanent error. The history tells each story, and the
 * server never holds a file under the final name that is not the whole archive.
 */
class RunFaultTests extends IntegrationTest {

	/** Slow enough that a few MB take many seconds. */
	private static final int THROTTLED_BYTES_PER_SECOND = 200 * 1024;

	@TempDir
	Path work;

	private EmbeddedFtpServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void aServerStoppedMidUploadFailsTheRunAndTheRetrySucceedsOnceItIsBack() throws Exception {
		Path root = Files.createDirectories(this.work.resolve("ftp"));
		this.server = throttledServer(root, 0).build().start();
		int port = this.server.port();
		ObjectNode request = jobRequest("fault-stop", bigSource("stop"), "PASSIVE");
		((ObjectNode) request.path("target")).put("port", port).put("remoteDir", "/backups");
		request.putObject("retry").put("maxAttempts", 3).put("delaySeconds", 3);
		request.putObject("retention").put("keepLast", 5);
		long jobId = createJob(request);

		long first = this.api.post("/api/jobs/" + jobId + "/runs", "").id();
		awaitUploading(first);
		this.server.close();
		JsonNode failed = awaitEnd(first);

		assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("FAILED");
		assertThat(failed.path("error").path("type").asString()).isIn("TRANSFER", "VERIFY");
		assertThat(failed.path("nextAttemptAt").asString()).isNotBlank();
		assertThat(failed.path("warnings").toString()).contains("attempt 2 starts at");
		assertThat(archives(root)).isEmpty();

		// Back, and no longer slow: the retry lands the backup.
		this.server = EmbeddedFtpServer.builder()
			.rootDirectory(root)
			.user(TestFtp.USER, TestFtp.PASSWORD)
			.port(port)
			.build()
			.start();
		JsonNode retry = awaitRun(jobId, "RETRY");
		JsonNode succeeded = awaitEnd(retry.path("id").asLong());

		assertThat(succeeded.path("status").asString()).as(succeeded.toString()).isEqualTo("SUCCEEDED");
		assertThat(succeeded.path("attempt").asInt()).isEqualTo(2);
		assertThat(succeeded.path("retryOf").asLong()).isEqualTo(first);
		assertThat(archives(root)).hasSize(1);
		// the partial upload the stopped server kept is a leftover that retention removed
		assertThat(fileNames(root)).noneMatch((name) -> name.endsWith(".part"));
		assertThat(succeeded.path("pruned").toString()).contains(".part");
	}

	@Test
	void aSlowUploadShowsLiveProgressAndIsCancelledWithinSeconds() throws Exception {
		Path root = Files.createDirectories(this.work.resolve("ftp"));
		this.server = throttledServer(root, 0).build().start();
		ObjectNode request = jobRequest("fault-cancel", bigSource("cancel"), "PASSIVE");
		((ObjectNode) request.path("target")).put("port", this.server.port()).put("remoteDir", "/backups");
		long jobId = createJob(request);
		long runId = this.api.post("/api/jobs/" + jobId + "/runs", "").id();

		JsonNode uploading = awaitUploading(runId);
		assertThat(uploading.path("estimatedTotalBytes").asLong()).isGreaterThan(4_000_000L);
		assertThat(uploading.path("bytesRead").asLong()).isPositive();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.api.get("/api/runs/" + runId).json().path("bytesUploaded").asLong() > uploading
				.path("bytesUploaded")
				.asLong());
		Api.Response second = this.api.post("/api/jobs/" + jobId + "/runs", "");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().path("runId").asLong()).isEqualTo(runId);

		long asked = System.nanoTime();
		Api.Response cancel = this.api.post("/api/runs/" + runId + "/cancel", "");
		assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
		assertThat(cancel.json().path("cancelRequested").asBoolean()).isTrue();
		JsonNode cancelled = awaitEnd(runId);
		Duration took = Duration.ofNanos(System.nanoTime() - asked);

		assertThat(cancelled.path("status").asString()).as(cancelled.toString()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("error").path("message").asString()).contains("Cancelled on request");
		assertThat(took).isLessThan(Duration.ofSeconds(15));
		assertThat(fileNames(root)).isEmpty();
		Api.Response again = this.api.post("/api/runs/" + runId + "/cancel", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("detail").asString()).contains("CANCELLED");
	}

	@Test
	void aPermanentFailureIsNotRetried() throws Exception {
		ObjectNode request = jobRequest("fault-permanent", bigSource("permanent"), "PASSIVE");
		((ObjectNode) request.path("target")).put("password", "not-the-password");
		request.putObject("retry").put("maxAttempts", 3).put("delaySeconds", 1);
		long jobId = createJob(request);

		JsonNode failed = runNow(jobId);

		assertThat(failed.path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.path("error").path("type").asString()).isEqualTo("LOGIN");
		assertThat(failed.path("nextAttemptAt").isNull()).isTrue();
		assertThat(failed.path("warnings").toString()).contains("Not retried");
		Thread.sleep(3000);
		assertThat(this.api.get("/api/runs?jobId=" + jobId).json().path("content").size()).isEqualTo(1);
	}

	@Test
	void aTransientFailureIsRetriedUntilNoAttemptIsLeft() throws Exception {
		ObjectNode request = jobRequest("fault-refused", bigSource("refused"), "PASSIVE");
		((ObjectNode) request.path("target")).put("port", unusedPort());
		request.putObject("retry").put("maxAttempts", 2).put("delaySeconds", 1);
		long jobId = createJob(request);

		JsonNode first = runNow(jobId);
		JsonNode second = awaitEnd(awaitRun(jobId, "RETRY").path("id").asLong());

		assertThat(first.path("error").path("type").asString()).isEqualTo("CONNECT");
		assertThat(first.path("nextAttemptAt").asString()).isNotBlank();
		assertThat(second.path("status").asString()).isEqualTo("FAILED");
		assertThat(second.path("attempt").asInt()).isEqualTo(2);
		assertThat(second.path("nextAttemptAt").isNull()).isTrue();
		assertThat(second.path("warnings").toString()).contains("Attempt 2 of 2 failed; no attempts are left");
	}

	private EmbeddedFtpServer.Builder throttledServer(Path root, int port) {
		return EmbeddedFtpServer.builder()
			.rootDirectory(root)
			.user(TestFtp.USER, TestFtp.PASSWORD)
			.uploadRate(THROTTLED_BYTES_PER_SECOND)
			.port(port);
	}

	private JsonNode awaitUploading(long runId) {
		AtomicReference<JsonNode> run = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			run.set(this.api.get("/api/runs/" + runId).json());
			return run.get().path("phase").asString().equals("UPLOADING")
					&& run.get().path("bytesUploaded").asLong() > 0;
		});
		return run.get();
	}

	private JsonNode awaitRun(long jobId, String trigger) {
		AtomicReference<JsonNode> found = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			for (JsonNode run : this.api.get("/api/runs?jobId=" + jobId).json().path("content")) {
				if (run.path("trigger").asString().equals(trigger)) {
					found.set(run);
					return true;
				}
			}
			return false;
		});
		return found.get();
	}

	/** A source of 5 MB that gzip cannot shrink. */
	private Path bigSource(String name) throws IOException {
		Path source = Files.createDirectories(this.work.resolve("src-" + name));
		byte[] bytes = new byte[5 * 1024 * 1024];
		new Random(7).nextBytes(bytes);
		Files.write(source.resolve("data.bin"), bytes);
		return source;
	}

	private static List<String> archives(Path root) throws IOException {
		return fileNames(root).stream().filter((name) -> name.endsWith(".tar.gz")).toList();
	}

	private static List<String> fileNames(Path root) throws IOException {
		Path dir = root.resolve("backups");
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static int unusedPort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

}
