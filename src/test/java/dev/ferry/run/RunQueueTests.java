package dev.ferry.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;

import dev.ferry.Api;
import dev.ferry.OneWorkerIntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * "Run now" with one manual worker (and room for one waiting run), over HTTP against a
 * real, throttled FTP server: a run that finds the worker busy is QUEUED, starts when the
 * worker is free and names its archive after that moment; a queued run cancelled never
 * touches the server; a full queue refuses more.
 */
class RunQueueTests extends OneWorkerIntegrationTest {

	private static final int BYTES_PER_SECOND = 200 * 1024;

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	@TempDir
	Path work;

	private EmbeddedFtpServer slow;

	@BeforeEach
	void startSlowServer() {
		this.slow = throttledServer(this.work.resolve("ftp"), BYTES_PER_SECOND);
	}

	@AfterEach
	void stopSlowServer() {
		endActiveRuns();
		this.slow.close();
	}

	@Test
	void aRunNowThatFindsTheWorkerBusyIsQueuedThenRunsWithItsOwnStartTime() throws Exception {
		// about 5 s and 1.5 s at the server's upload rate
		long busyJob = createJob(slowJob("queue-busy", 1_000_000));
		long waitingJob = createJob(slowJob("queue-waiting", 300_000));

		Api.Response busy = this.api.post("/api/jobs/" + busyJob + "/runs", "");
		Api.Response waiting = this.api.post("/api/jobs/" + waitingJob + "/runs", "");

		assertThat(busy.status()).isEqualTo(202);
		assertThat(busy.json().path("status").asString()).isEqualTo("RUNNING");
		assertThat(waiting.status()).as(waiting.body()).isEqualTo(202);
		assertThat(waiting.json().path("status").asString()).isEqualTo("QUEUED");
		assertThat(waiting.location()).endsWith("/api/runs/" + waiting.id());
		assertThat(busy.json().path("queuedAt").isNull()).as("it never waited").isTrue();
		assertThat(waiting.json().path("startedAt").isNull()).isTrue();
		Instant queuedAt = Instant.parse(waiting.json().path("queuedAt").asString());

		// a queued run holds its job, as a running one does
		Api.Response again = this.api.post("/api/jobs/" + waitingJob + "/runs", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().path("runId").asLong()).isEqualTo(waiting.id());
		assertThat(again.json().path("status").asString()).isEqualTo("QUEUED");
		assertThat(again.json().path("detail").asString()).contains("queue-waiting").contains("queued");
		assertThat(this.api.get("/api/runs?status=QUEUED").json().path("content").findValuesAsString("id"))
			.containsExactly(String.valueOf(waiting.id()));

		JsonNode started = awaitStatus(waiting.id(), "RUNNING");
		JsonNode busyEnded = this.api.get("/api/runs/" + busy.id()).json();
		JsonNode succeeded = awaitEnd(waiting.id());

		assertThat(busyEnded.path("status").asString()).as("the one worker was free").isEqualTo("SUCCEEDED");
		Instant startedAt = Instant.parse(started.path("startedAt").asString());
		assertThat(startedAt).isAfterOrEqualTo(Instant.parse(busyEnded.path("finishedAt").asString()))
			.isAfter(queuedAt.plusSeconds(2));
		assertThat(started.path("queuedAt").asString()).isEqualTo(waiting.json().path("queuedAt").asString());
		assertThat(succeeded.path("status").asString()).as(succeeded.toString()).isEqualTo("SUCCEEDED");
		assertThat(succeeded.path("startedAt").asString()).isEqualTo(started.path("startedAt").asString());
		// the archive is named after the moment the run really started
		String archive = "queue-waiting-" + STAMP.format(startedAt) + "-r" + waiting.id() + ".tar.gz";
		assertThat(succeeded.path("remotePath").asString()).isEqualTo("/backups/queue-waiting/" + archive);
		assertThat(this.slow.rootDirectory().resolve("backups/queue-waiting/" + archive)).isRegularFile();
		assertThat(STAMP.format(queuedAt)).isNotEqualTo(STAMP.format(startedAt));
	}

	@Test
	void cancellingAQueuedRunEndsItAtOnceWithoutAnyFtpTraffic() throws Exception {
		// a server that would show any connection: nobody accepts, the kernel queues it
		try (ServerSocket watched = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			long busyJob = createJob(slowJob("cancel-busy", 1_000_000));
			ObjectNode request = jobRequest("cancel-queued", SourceTree.create(this.work, "queued"), "PASSIVE");
			((ObjectNode) request.path("target")).put("port", watched.getLocalPort());
			long queuedJob = createJob(request);
			long busy = this.api.post("/api/jobs/" + busyJob + "/runs", "").id();
			Api.Response queued = this.api.post("/api/jobs/" + queuedJob + "/runs", "");
			assertThat(queued.json().path("status").asString()).isEqualTo("QUEUED");

			Api.Response cancel = this.api.post("/api/runs/" + queued.id() + "/cancel", "");

			assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
			JsonNode cancelled = cancel.json();
			assertThat(cancelled.path("status").asString()).as("at once, in the answer").isEqualTo("CANCELLED");
			assertThat(cancelled.path("cancelRequested").asBoolean()).isTrue();
			assertThat(cancelled.path("error").path("type").asString()).isEqualTo("CANCELLED");
			assertThat(cancelled.path("error").path("message").asString()).contains("while queued")
				.contains("never started");
			assertThat(cancelled.path("startedAt").isNull()).isTrue();
			assertThat(cancelled.path("finishedAt").asString()).isNotBlank();
			assertThat(this.api.get("/api/runs/" + queued.id() + "/transcript").body()).isEmpty();
			assertThat(this.api.post("/api/runs/" + queued.id() + "/cancel", "").status()).isEqualTo(409);

			// the job is free at once: it can be queued again, and cancelled again
			Api.Response requeued = this.api.post("/api/jobs/" + queuedJob + "/runs", "");
			assertThat(requeued.status()).as(requeued.body()).isEqualTo(202);
			assertThat(requeued.json().path("status").asString()).isEqualTo("QUEUED");
			assertThat(this.api.post("/api/runs/" + requeued.id() + "/cancel", "").json().path("status").asString())
				.isEqualTo("CANCELLED");

			// the worker, once free, takes the next run in line: the cancelled ones are
			// gone
			this.api.post("/api/runs/" + busy + "/cancel", "");
			long quickJob = createJob(jobRequest("cancel-next", SourceTree.create(this.work, "next"), "PASSIVE"));
			JsonNode next = runNow(quickJob);
			assertThat(next.path("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(awaitEnd(busy).path("status").asString()).isEqualTo("CANCELLED");
			assertThat(this.api.get("/api/runs/" + queued.id()).json().path("status").asString())
				.isEqualTo("CANCELLED");
			watched.setSoTimeout(300);
			assertThatExceptionOfType(SocketTimeoutException.class).as("no connection to the cancelled runs' server")
				.isThrownBy(watched::accept);
		}
	}

	@Test
	void aFullQueueRefusesRunNowWith429AndRecordsNothing() throws Exception {
		long busyJob = createJob(slowJob("full-busy", 1_000_000));
		long waitingJob = createJob(slowJob("full-waiting", 10_000));
		long refusedJob = createJob(slowJob("full-refused", 10_000));
		long busy = this.api.post("/api/jobs/" + busyJob + "/runs", "").id();
		long waiting = this.api.post("/api/jobs/" + waitingJob + "/runs", "").id();

		Api.Response refused = this.api.post("/api/jobs/" + refusedJob + "/runs", "");

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("title").asString()).isEqualTo("Run queue full");
		assertThat(refused.json().path("detail").asString()).contains("1 runs are already waiting")
			.contains("ferry.runs.manual-queue");
		assertThat(refused.json().path("queued").asInt()).isEqualTo(1);
		assertThat(this.api.get("/api/runs?jobId=" + refusedJob).json().path("page").path("totalElements").asLong())
			.isZero();
		// a job that already has a run says which, full queue or not
		Api.Response waitingAgain = this.api.post("/api/jobs/" + waitingJob + "/runs", "");
		Api.Response busyAgain = this.api.post("/api/jobs/" + busyJob + "/runs", "");
		assertThat(waitingAgain.status()).isEqualTo(409);
		assertThat(waitingAgain.json().path("runId").asLong()).isEqualTo(waiting);
		assertThat(busyAgain.status()).isEqualTo(409);
		assertThat(busyAgain.json().path("runId").asLong()).isEqualTo(busy);

		// room again once the queued run is cancelled
		this.api.post("/api/runs/" + waiting + "/cancel", "");
		Api.Response accepted = this.api.post("/api/jobs/" + refusedJob + "/runs", "");
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.json().path("status").asString()).isEqualTo("QUEUED");
	}

	private ObjectNode slowJob(String name, int bytes) throws IOException {
		return randomDataJob(this.work, name, bytes, this.slow.port());
	}

	private JsonNode awaitStatus(long runId, String status) {
		AtomicReference<JsonNode> run = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			run.set(this.api.get("/api/runs/" + runId).json());
			return run.get().path("status").asString().equals(status);
		});
		return run.get();
	}

}
