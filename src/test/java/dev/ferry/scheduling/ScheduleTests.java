package dev.ferry.scheduling;

import java.nio.file.Path;
import java.time.Duration;

import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job's cron schedule fires through Quartz and produces a recorded, successful run.
 */
class ScheduleTests extends IntegrationTest {

	@TempDir
	Path dir;

	@Test
	void aCronScheduleFiresARun() {
		ObjectNode request = jobRequest("every-second", SourceTree.create(this.dir, "scheduled"), "PASSIVE");
		request.putObject("schedule").put("cron", "* * * * * ?");
		long jobId = createJob(request);
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JsonNode runs = this.api.get("/api/runs?jobId=" + jobId + "&status=SUCCEEDED").json();
				assertThat(runs.path("content").size()).isPositive();
				assertThat(runs.path("content").get(0).path("trigger").asString()).isEqualTo("SCHEDULE");
			});
		}
		finally {
			this.api.delete("/api/jobs/" + jobId);
		}
		JsonNode failed = this.api.get("/api/runs?jobId=" + jobId + "&status=FAILED").json();
		assertThat(failed.path("page").path("totalElements").asLong()).isZero();
	}

}
