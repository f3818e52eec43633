package dev.ferry.dashboard;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
	void countsTheRunsAndFailuresThatStartedInTheLastDay() {
		long runsBefore = counter("count-runs");
		long failuresBefore = counter("count-failures");
		Instant now = Instant.now();
		this.jdbc.batchUpdate(
				"insert into backup_run (id, job_id, job_name, trigger_type, status, started_at, "
						+ "finished_at, files_archived, bytes_read, bytes_uploaded) "
						+ "values (?, 987655, 'counted-job', 'SCHEDULE', ?, ?, ?, 1, 2, 3)",
				List.of(row(-20_001, "FAILED", now.minusSeconds(3600)), row(-20_002, "FAILED", now.minusSeconds(60)),
						row(-20_003, "SUCCEEDED", now.minusSeconds(7200)),
						row(-20_004, "FAILED", now.minusSeconds(2 * 86400)),
						row(-20_005, "SUCCEEDED", now.minusSeconds(3 * 86400))));

		assertThat(counter("count-runs") - runsBefore).isEqualTo(3);
		assertThat(counter("count-failures") - failuresBefore).isEqualTo(2);
	}

	private long counter(String id) {
		Matcher counter = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(this.api.page("/").body());
		assertThat(counter.find()).as(id).isTrue();
		return Long.parseLong(counter.group(1));
	}

	private static Object[] row(long id, String status, Instant started) {
		return new Object[] { id, status, Timestamp.from(started), Timestamp.from(started.plusSeconds(30)) };
	}

	@Test
	void aLongHistoryIsPagedNewerAndOlderAndFiltered() {
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
		assertThat(first.status()).isEqualTo(200);
		assertThat(runIds(first)).as("25 a page, newest first").hasSize(25).startsWith(-1L, -2L).endsWith(-25L);
		assertThat(first.body()).doesNotContain("← Newer").doesNotContain("Page 1 of");

		Api.Response second = this.api.page(link(first, "Older →"));
		assertThat(runIds(second)).hasSize(25).startsWith(-26L).endsWith(-50L);
		assertThat(runIds(this.api.page(link(second, "← Newer")))).isEqualTo(runIds(first));

		Api.Response last = this.api.page("/runs?job=987654&before=-9990");
		assertThat(runIds(last)).containsExactly(-9991L, -9992L, -9993L, -9994L, -9995L, -9996L, -9997L, -9998L, -9999L,
				-10000L);
		assertThat(last.body()).contains("← Newer").doesNotContain("Older →");

		Api.Response failed = this.api.page(link(this.api.page("/runs?job=987654&status=FAILED"), "Older →"));
		assertThat(runIds(failed)).hasSize(25).startsWith(-251L).endsWith(-491L);
		assertThat(failed.body()).contains("status-failed").doesNotContain("status-succeeded");
	}

	/** The runs a history page lists, by id, in order. */
	private static List<Long> runIds(Api.Response page) {
		return Pattern.compile("href=\"/runs/(-?\\d+)\"")
			.matcher(page.body())
			.results()
			.map((m) -> Long.parseLong(m.group(1)))
			.toList();
	}

	/** Where a pager link of the page leads. */
	private static String link(Api.Response page, String text) {
		Matcher link = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>" + Pattern.quote(text) + "</a>")
			.matcher(page.body());
		assertThat(link.find()).as("a link '%s'", text).isTrue();
		return link.group(1).replace("&amp;", "&");
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
