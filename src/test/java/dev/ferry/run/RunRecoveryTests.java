package dev.ferry.run;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.Api;
import dev.ferry.FerryApplication;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.job.JobService;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run that a stopped process left {@code RUNNING} is closed as {@code INTERRUPTED} when
 * the service starts again: the history never claims a backup is still under way.
 */
class RunRecoveryTests {

	@TempDir
	Path dataDir;

	@TempDir
	Path sources;

	@Test
	void runsLeftRunningOrQueuedByAStoppedServiceAreMarkedInterruptedAtStartUp() {
		long runId;
		long queuedId;
		try (ConfigurableApplicationContext app = start()) {
			long jobId = job(api(app), "crashed");
			long queuedJobId = job(api(app), "crashed-queued");
			// What a killed process leaves behind: the runs' records, and nothing to
			// finish them.
			RunRecorder recorder = app.getBean(RunRecorder.class);
			JobService jobs = app.getBean(JobService.class);
			runId = recorder.start(jobs.get(jobId), RunTrigger.SCHEDULE, Attempt.FIRST).getId();
			queuedId = recorder.queue(jobs.get(queuedJobId), RunTrigger.MANUAL, Attempt.FIRST).getId();
			assertThat(api(app).get("/api/runs/" + runId).json().path("status").asString()).isEqualTo("RUNNING");
			assertThat(api(app).get("/api/runs/" + queuedId).json().path("status").asString()).isEqualTo("QUEUED");
		}

		try (ConfigurableApplicationContext app = start()) {
			JsonNode run = api(app).get("/api/runs/" + runId).json();
			assertThat(run.path("status").asString()).isEqualTo("INTERRUPTED");
			assertThat(run.path("finishedAt").asString()).isNotBlank();
			assertThat(run.path("error").path("type").asString()).isEqualTo("INTERRUPTED");
			assertThat(run.path("error").path("message").asString()).contains("service stopped");
			JsonNode queued = api(app).get("/api/runs/" + queuedId).json();
			assertThat(queued.path("status").asString()).isEqualTo("INTERRUPTED");
			assertThat(queued.path("startedAt").isNull()).isTrue();
			assertThat(queued.path("error").path("message").asString())
				.contains("service stopped before this queued run started");
		}
	}

	@Test
	void stoppingTheServiceInterruptsTheRunsUnderWayAndTheQueuedOnes() throws Exception {
		long underWay;
		long queued;
		// A peer that accepts connections and never greets keeps a run busy connecting.
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			try (ConfigurableApplicationContext app = start("--ferry.runs.manual-threads=1",
					"--ferry.transfer.control-timeout=3s")) {
				Api api = api(app);
				underWay = api.post("/api/jobs/" + silentJob(api, "first", silent.getLocalPort()) + "/runs", "").id();
				queued = api.post("/api/jobs/" + silentJob(api, "second", silent.getLocalPort()) + "/runs", "").id();
				assertThat(api.get("/api/runs/" + queued).json().path("status").asString()).isEqualTo("QUEUED");
			}
		}

		try (ConfigurableApplicationContext app = start()) {
			Api api = api(app);
			JsonNode first = api.get("/api/runs/" + underWay).json();
			JsonNode second = api.get("/api/runs/" + queued).json();
			assertThat(first.path("status").asString()).isEqualTo("INTERRUPTED");
			assertThat(second.path("status").asString()).isEqualTo("INTERRUPTED");
			assertThat(second.path("error").path("message").asString()).contains("before this run started");
			assertThat(second.path("startedAt").isNull()).isTrue();
		}
	}

	@Test
	void runsOfAnInstanceThatWentQuietAreInterruptedByAnotherAndThoseOfLiveInstancesAreNot() {
		try (ConfigurableApplicationContext app = start("--ferry.runs.heartbeat=200ms",
				"--ferry.runs.stale-after=2s")) {
			Api api = api(app);
			JobService jobs = app.getBean(JobService.class);
			RunRecorder recorder = app.getBean(RunRecorder.class);
			long deadJob = job(api, "dead-node");
			long liveJob = job(api, "live-node");
			long deadQueuedJob = job(api, "dead-queue");
			long liveQueuedJob = job(api, "live-queue");
			long dead = recorder.start(jobs.get(deadJob), RunTrigger.SCHEDULE, Attempt.FIRST).getId();
			long live = recorder.start(jobs.get(liveJob), RunTrigger.SCHEDULE, Attempt.FIRST).getId();
			long deadQueued = recorder.queue(jobs.get(deadQueuedJob), RunTrigger.MANUAL, Attempt.FIRST).getId();
			long liveQueued = recorder.queue(jobs.get(liveQueuedJob), RunTrigger.MANUAL, Attempt.FIRST).getId();
			// Runs as two other instances recorded them: one last heard of an hour ago,
			// one whose heartbeat is current (as if it kept sending them).
			JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
			jdbc.update("update backup_run set owner = 'node-b', heartbeat_at = ? where id in (?, ?)",
					OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), dead, deadQueued);
			jdbc.update("update backup_run set owner = 'node-c', heartbeat_at = ? where id in (?, ?)",
					OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10), live, liveQueued);

			await().atMost(Duration.ofSeconds(10))
				.until(() -> api.get("/api/runs/" + dead).json().path("status").asString().equals("INTERRUPTED")
						&& api.get("/api/runs/" + deadQueued).json().path("status").asString().equals("INTERRUPTED"));

			JsonNode interrupted = api.get("/api/runs/" + dead).json();
			assertThat(interrupted.path("error").path("message").asString()).contains("node-b")
				.contains("stopped sending heartbeats");
			assertThat(api.get("/api/runs/" + deadQueued).json().path("error").path("message").asString())
				.contains("node-b")
				.contains("before this queued run started");
			assertThat(api.get("/api/runs/" + live).json().path("status").asString()).isEqualTo("RUNNING");
			assertThat(api.get("/api/runs/" + liveQueued).json().path("status").asString()).isEqualTo("QUEUED");
			// a run queued elsewhere holds its job here too
			Api.Response queuedElsewhere = api.post("/api/jobs/" + liveQueuedJob + "/runs", "");
			assertThat(queuedElsewhere.status()).isEqualTo(409);
			assertThat(queuedElsewhere.json().path("runId").asLong()).isEqualTo(liveQueued);
			// and a run of it cannot start while it runs elsewhere
			Api.Response second = api.post("/api/jobs/" + liveJob + "/runs", "");
			assertThat(second.status()).isEqualTo(409);
			assertThat(second.json().path("runId").asLong()).isEqualTo(live);
		}
	}

	@Test
	void anInterruptedRunGetsTheJobsRetryPolicyLikeAnyTransientFailure() {
		long runId;
		try (ConfigurableApplicationContext app = start()) {
			ObjectNode request = IntegrationTest.jobRequest("retried-after-crash", SourceTree.create(this.sources, "r"),
					"PASSIVE");
			request.putObject("retry").put("maxAttempts", 2).put("delaySeconds", 1);
			long jobId = api(app).post("/api/jobs", request).id();
			runId = app.getBean(RunRecorder.class)
				.start(app.getBean(JobService.class).get(jobId), RunTrigger.SCHEDULE, Attempt.FIRST)
				.getId();
		}

		try (ConfigurableApplicationContext app = start()) {
			Api api = api(app);
			JsonNode interrupted = api.get("/api/runs/" + runId).json();
			assertThat(interrupted.path("status").asString()).isEqualTo("INTERRUPTED");
			assertThat(interrupted.path("nextAttemptAt").asString()).isNotBlank();
			assertThat(interrupted.path("warnings").toString()).contains("attempt 2 starts at");

			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.get("/api/runs?size=50")
					.json()
					.path("content")
					.valueStream()
					.anyMatch((run) -> run.path("retryOf").asLong() == runId
							&& run.path("status").asString().equals("SUCCEEDED")));
			JsonNode retry = api.get("/api/runs?size=50")
				.json()
				.path("content")
				.valueStream()
				.filter((run) -> run.path("retryOf").asLong() == runId)
				.findFirst()
				.orElseThrow();
			assertThat(retry.path("trigger").asString()).isEqualTo("RETRY");
			assertThat(retry.path("attempt").asInt()).isEqualTo(2);
		}
	}

	@Test
	void aRunQueuedHereSendsHeartbeatsSoThatNoInstanceTakesItForAbandoned() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				ConfigurableApplicationContext app = start("--ferry.runs.manual-threads=1",
						"--ferry.runs.heartbeat=200ms", "--ferry.runs.stale-after=1s",
						"--ferry.transfer.connect-timeout=4s", "--ferry.transfer.control-timeout=4s")) {
			Api api = api(app);
			long busy = api.post("/api/jobs/" + silentJob(api, "hangs", silent.getLocalPort()) + "/runs", "").id();
			long queued = api.post("/api/jobs/" + silentJob(api, "waits", silent.getLocalPort()) + "/runs", "").id();
			Instant queuedBeat = Instant.parse(api.get("/api/runs/" + queued).json().path("queuedAt").asString());

			// waiting three times longer than stale-after, it stays queued, its heartbeat
			// current
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(4))
				.until(() -> api.get("/api/runs/" + queued).json().path("status").asString().equals("QUEUED"));
			JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
			Instant beat = jdbc
				.queryForObject("select heartbeat_at from backup_run where id = ?", OffsetDateTime.class, queued)
				.toInstant();
			assertThat(beat).isAfter(queuedBeat.plusSeconds(2));

			// and it runs once the worker is free
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !api.get("/api/runs/" + queued).json().path("status").asString().equals("QUEUED"));
			assertThat(api.get("/api/runs/" + busy).json().path("status").asString()).isEqualTo("FAILED");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.get("/api/runs/" + queued).json().path("status").asString().equals("FAILED"));
			assertThat(api.get("/api/runs/" + queued).json().path("error").path("type").asString())
				.isEqualTo("CONNECT");
		}
	}

	private long job(Api api, String name) {
		return api.post("/api/jobs", IntegrationTest.jobRequest(name, SourceTree.create(this.sources, name), "PASSIVE"))
			.id();
	}

	private long silentJob(Api api, String name, int port) {
		ObjectNode request = IntegrationTest.jobRequest(name, SourceTree.create(this.sources, name), "PASSIVE");
		((ObjectNode) request.path("target")).put("port", port);
		return api.post("/api/jobs", request).id();
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--ferry.data-dir=" + this.dataDir,
				"--spring.quartz.scheduler-name=recovery-test"));
		args.addAll(List.of(Api.USERS));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(FerryApplication.class).run(args.toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext app) {
		return new Api(((WebServerApplicationContext) app).getWebServer().getPort());
	}

}
