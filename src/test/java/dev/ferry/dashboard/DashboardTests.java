package dev.ferry.dashboard;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.IntStream;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.TestFtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview page lists jobs and recent runs, rendered by the running service.
 */
class DashboardTests extends IntegrationTest {

	@TempDir
	Path dir;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void showsJobsAndTheirRecentRuns() {
		long jobId = createJob(jobRequest("dashboard-job", SourceTree.create(this.dir, "shown"), "PASSIVE"));
		JsonNode run = runNow(jobId);

		Api.Response page = this.api.get("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains(">dashboard-job</a>")
			.contains(run.path("remotePath").asString())
			.contains(">SUCCEEDED<")
			.contains(">PASV<")
			.doesNotContain(TestFtp.PASSWORD);
	}

	@Test
	void aLongHistoryIsPaginatedAndFiltered() {
		// 10 000 runs of a job that no longer exists, older than a day; negative ids keep
		// them behind every other test's runs in the newest-first lists
		Timestamp started = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
		this.jdbc.batchUpdate(
				"insert into backup_run (id, job_id, job_name, trigger_type, status, started_at, "
						+ "finished_at, files_archived, bytes_read, bytes_uploaded) "
						+ "values (?, 987654, 'old-job', 'SCHEDULE', ?, ?, ?, 1, 2, 3)",
				IntStream.range(0, 10_000)
					.mapToObj((i) -> new Object[] { -1L - i, (i % 10 == 0) ? "FAILED" : "SUCCEEDED", started, started })
					.toList());

		Api.Response first = this.api.page("/runs?job=987654");
		Api.Response failed = this.api.page("/runs?job=987654&status=FAILED&page=3");

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).contains("Page 1 of 400").contains("Older →");
		assertThat(first.body().split("<tr>", -1).length - 1).as("header and 25 rows").isEqualTo(26);
		assertThat(failed.body()).contains("Page 4 of 40").contains("status-failed").doesNotContain("status-succeeded");
	}

	@Test
	void unknownPagesAndForbiddenButtonsHaveFerrysOwnPages() {
		Api.Response missing = this.api.page("/runs/99999999");
		Api.Response noSuchPage = this.api.page("/no-such-page");
		Api.Response viewerRuns = this.api.as(Api.VIEWER, Api.VIEWER_PASSWORD)
			.send("POST", "/jobs/1/run", "application/x-www-form-urlencoded", "");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Not found (404)").contains("No run with id 99999999");
		assertThat(noSuchPage.status()).isEqualTo(404);
		assertThat(noSuchPage.body()).contains("Not found (404)").doesNotContain("Whitelabel");
		assertThat(viewerRuns.status()).isEqualTo(403);
	}

}
