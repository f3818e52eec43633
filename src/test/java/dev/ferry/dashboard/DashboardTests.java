package dev.ferry.dashboard;

import java.nio.file.Path;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.TestFtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview page lists jobs and recent runs, rendered by the running service.
 */
class DashboardTests extends IntegrationTest {

	@TempDir
	Path dir;

	@Test
	void showsJobsAndTheirRecentRuns() {
		long jobId = createJob(jobRequest("dashboard-job", SourceTree.create(this.dir, "shown"), "PASSIVE"));
		JsonNode run = runNow(jobId);

		Api.Response page = this.api.get("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<td>dashboard-job</td>")
			.contains(run.path("remotePath").asString())
			.contains(">SUCCEEDED<")
			.contains(">PASV<")
			.doesNotContain(TestFtp.PASSWORD);
	}

}
