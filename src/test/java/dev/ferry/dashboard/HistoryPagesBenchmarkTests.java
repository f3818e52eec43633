package dev.ferry.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ferry.Api;
import dev.ferry.FerryApplication;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the dashboard's overview and history pages answer over a history of a million
 * runs: loaded with bulk SQL into the service's real H2 file database (five jobs, all
 * statuses, two years), then each page requested over HTTP, {@value #WARM_UP} times to
 * warm up and {@value #SAMPLES} times measured; prints min / median / max. The REST API's
 * list, which counts every matching run for its {@code totalElements}, is measured too,
 * for comparison. Not part of {@code ./mvnw verify}: run it with
 * {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
class HistoryPagesBenchmarkTests {

	static final int RUNS = 1_000_000;

	static final int JOBS = 5;

	static final int WARM_UP = 5;

	static final int SAMPLES = 15;

	/** Two years, newest last. */
	static final long SPAN_SECONDS = Duration.ofDays(730).toSeconds();

	@TempDir
	Path dataDir;

	@TempDir
	Path sources;

	@Test
	void theOverviewAndHistoryPagesAnswerWellUnderASecondOverAMillionRuns() {
		try (ConfigurableApplicationContext app = start()) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			long firstJob = createJobs(api);
			long loadStart = System.nanoTime();
			load(new JdbcTemplate(app.getBean(DataSource.class)), firstJob);
			System.out.printf(Locale.ROOT, "Loaded %,d runs in %.1f s%n", RUNS, (System.nanoTime() - loadStart) / 1e9);
			long job = firstJob + 2;
			long middle = RUNS / 2;

			Map<String, String> pages = new LinkedHashMap<>();
			// the floor: logging in with HTTP Basic checks a bcrypt hash on every request
			Map<String, String> floor = Map.of("floor: GET /api/jobs (5 jobs)", "/api/jobs");
			pages.put("overview /", "/");
			pages.put("history /runs", "/runs");
			pages.put("history, one job", "/runs?job=" + job);
			pages.put("history, FAILED", "/runs?status=FAILED");
			pages.put("history, one job, CANCELLED", "/runs?job=" + job + "&status=CANCELLED");
			pages.put("history, older than the middle", "/runs?before=" + middle);
			pages.put("history, one job, FAILED, older", "/runs?job=" + job + "&status=FAILED&before=" + middle);
			pages.put("history, newer than the middle", "/runs?after=" + middle);
			pages.put("job page", "/jobs/" + job);
			Map<String, String> api2 = new LinkedHashMap<>();
			api2.put("API /api/runs", "/api/runs");
			api2.put("API /api/runs?jobId", "/api/runs?jobId=" + job);
			api2.put("API /api/runs?status=FAILED", "/api/runs?status=FAILED");
			api2.put("API /api/runs, page 20000", "/api/runs?page=20000&size=25");

			System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s  (ms, %d samples after %d warm-up, %d runs, %d cores)%n",
					"request", "min", "median", "max", SAMPLES, WARM_UP, RUNS,
					Runtime.getRuntime().availableProcessors());
			floor.forEach((name, path) -> measure(api, name, path));
			List<Long> pageMedians = new ArrayList<>();
			pages.forEach((name, path) -> pageMedians.add(measure(api, name, path)));
			api2.forEach((name, path) -> measure(api, name, path));

			assertThat(pageMedians).as("median milliseconds of the dashboard pages").allMatch((ms) -> ms < 1000);
		}
	}

	private static long measure(Api api, String name, String path) {
		for (int i = 0; i < WARM_UP; i++) {
			answer(api, path);
		}
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			long start = System.nanoTime();
			answer(api, path);
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		millis.sort(null);
		long median = millis.get(millis.size() / 2);
		System.out.printf(Locale.ROOT, "%-36s %9d %9d %9d%n", name, millis.get(0), median,
				millis.get(millis.size() - 1));
		return median;
	}

	private static void answer(Api api, String path) {
		Api.Response response = path.startsWith("/api/") ? api.get(path) : api.page(path);
		// every page is rendered in full, none is an error page
		assertThat(response.body()).doesNotContain("Whitelabel");
		assertThat(response.status()).as(path).isEqualTo(200);
	}

	/** Creates the jobs, with consecutive ids; returns the first. */
	private long createJobs(Api api) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < JOBS; i++) {
			ObjectNode request = IntegrationTest.jobRequest("bench-" + i, SourceTree.create(this.sources, "s" + i),
					"PASSIVE");
			request.putObject("schedule").put("cron", "0 30 2 * * ?");
			ids.add(api.post("/api/jobs", request).id());
		}
		assertThat(ids.get(JOBS - 1) - ids.get(0)).isEqualTo(JOBS - 1);
		return ids.get(0);
	}

	/**
	 * A million runs in one statement, oldest first over two years: 90 % SUCCEEDED, 6 %
	 * FAILED, 2 % CANCELLED, 2 % INTERRUPTED; one in fifty has a warning.
	 */
	private static void load(JdbcTemplate jdbc, long firstJob) {
		long step = SPAN_SECONDS / RUNS;
		jdbc.update(
				"""
						insert into backup_run (job_id, job_name, trigger_type, status, started_at, finished_at,
						  files_archived, bytes_read, bytes_uploaded, remote_path, transfer_mode_used, attempt, owner,
						  verification)
						select ? + mod(x, ?), concat('bench-', mod(x, ?)), case when mod(x, 10) = 3 then 'MANUAL' else 'SCHEDULE' end,
						  case when mod(x, 50) < 45 then 'SUCCEEDED' when mod(x, 50) < 48 then 'FAILED'
						       when mod(x, 50) = 48 then 'CANCELLED' else 'INTERRUPTED' end,
						  dateadd(second, (x - ?) * ?, current_timestamp),
						  dateadd(second, (x - ?) * ? + 40, current_timestamp),
						  1000 + mod(x, 500), 50000000 + mod(x, 7919) * 1000, 20000000 + mod(x, 7907) * 1000,
						  concat('/backups/bench-', mod(x, ?), '/bench-', x, '.tar.gz'), 'EPSV', 1, 'bench', 'SIZE,SHA-256'
						from system_range(1, ?)""",
				firstJob, JOBS, JOBS, RUNS, step, RUNS, step, JOBS, RUNS);
		jdbc.update("""
				insert into backup_run_warning (run_id, position, message)
				select id, 0, 'a file vanished while it was read' from backup_run where mod(id, 50) = 7""");
		assertThat(jdbc.queryForObject("select count(*) from backup_run", Long.class)).isEqualTo(RUNS);
	}

	private ConfigurableApplicationContext start() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--ferry.data-dir=" + this.dataDir,
				"--spring.quartz.scheduler-name=benchmark", "--ferry.runs.keep-history=0",
				"--logging.level.dev.ferry=WARN"));
		args.addAll(List.of(Api.USERS));
		return new SpringApplicationBuilder(FerryApplication.class).run(args.toArray(String[]::new));
	}

}
