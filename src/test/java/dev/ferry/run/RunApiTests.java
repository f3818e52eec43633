package dev.ferry.run;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/runs} and "run now" over HTTP against the running service.
 */
class RunApiTests extends IntegrationTest {

	@TempDir
	Path dir;

	@Test
	void aJobRunsOnceAtATimeAndASilentServerFailsTheRunWithinTheControlTimeout() throws Exception {
		// A peer that completes the TCP handshake but never greets: the run hangs in
		// connect until the control timeout (10 s in these tests) ends it.
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			ObjectNode request = jobRequest("silent-server", SourceTree.create(this.dir, "silent"), "PASSIVE");
			((ObjectNode) request.path("target")).put("port", silent.getLocalPort());
			long jobId = createJob(request);
			Instant start = Instant.now();

			Api.Response first = this.api.post("/api/jobs/" + jobId + "/runs", "");
			Api.Response second = this.api.post("/api/jobs/" + jobId + "/runs", "");

			assertThat(first.status()).isEqualTo(202);
			assertThat(first.location()).endsWith("/api/runs/" + first.id());
			assertThat(first.json().path("status").asString()).isEqualTo("RUNNING");
			assertThat(second.status()).isEqualTo(409);
			assertThat(second.contentType()).startsWith("application/problem+json");
			assertThat(second.json().path("runId").asLong()).isEqualTo(first.id());
			assertThat(second.json().path("detail").asString()).contains("silent-server").contains("already running");

			JsonNode ended = awaitEnd(first.id());
			assertThat(ended.path("status").asString()).isEqualTo("FAILED");
			assertThat(ended.path("error").path("type").asString()).isEqualTo("CONNECT");
			assertThat(ended.path("error").path("message").asString()).contains("127.0.0.1:" + silent.getLocalPort());
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
			assertThat(this.api.get("/api/runs?jobId=" + jobId).json().path("page").path("totalElements").asLong())
				.isEqualTo(1);
		}
	}

	@Test
	void listsRunsNewestFirstAndFiltersByJobAndStatus() {
		Path source = SourceTree.create(this.dir, "listed");
		long good = createJob(jobRequest("listed-good", source, "PASSIVE"));
		ObjectNode broken = jobRequest("listed-broken", source, "PASSIVE");
		((ObjectNode) broken.path("target")).put("password", "wrong");
		long bad = createJob(broken);
		long first = runNow(good).path("id").asLong();
		long second = runNow(bad).path("id").asLong();
		long third = runNow(good).path("id").asLong();

		JsonNode ofGood = this.api.get("/api/runs?jobId=" + good).json();
		assertThat(ofGood.path("content").findValuesAsString("id")).containsExactly(String.valueOf(third),
				String.valueOf(first));
		assertThat(ofGood.path("page").path("totalElements").asLong()).isEqualTo(2);

		JsonNode failed = this.api.get("/api/runs?status=FAILED&jobId=" + bad).json();
		assertThat(failed.path("content").findValuesAsString("id")).containsExactly(String.valueOf(second));

		JsonNode paged = this.api.get("/api/runs?jobId=" + good + "&size=1&page=1").json();
		assertThat(paged.path("content").findValuesAsString("id")).containsExactly(String.valueOf(first));
		assertThat(paged.path("page").path("size").asInt()).isEqualTo(1);
		assertThat(paged.path("page").path("number").asInt()).isEqualTo(1);
		assertThat(paged.path("page").path("totalPages").asInt()).isEqualTo(2);
	}

	@Test
	void refusesBadQueryParametersNamingThem() {
		for (String[] query : new String[][] { { "status=DONE", "status" }, { "size=0", "size" },
				{ "size=201", "size" }, { "page=-1", "page" }, { "jobId=abc", "jobId" }, { "page=99999999999", "page" },
				{ "page=2147483647", "page" }, { "page=10737419&size=200", "page" } }) {
			Api.Response response = this.api.get("/api/runs?" + query[0]);
			assertThat(response.status()).as(query[0]).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly(query[1]);
		}
		assertThat(this.api.get("/api/runs/abc").status()).isEqualTo(400);
		assertThat(this.api.get("/api/runs/99999999999999999999").status()).isEqualTo(400);
	}

}
