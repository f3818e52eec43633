package dev.ferry.scheduling;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import dev.ferry.Api;
import dev.ferry.FerryApplication;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs and their Quartz triggers live in the database: they survive a restart, and fires
 * missed while the service was down run once at start-up, not once per missed fire.
 */
class RestartTests {

	@TempDir
	Path dataDir;

	@TempDir
	Path sources;

	@Test
	void aJobSurvivesARestartAndItsMissedFiresRunOnce() {
		JsonNode before;
		long jobId;
		ZonedDateTime first;
		ZonedDateTime last;
		try (ConfigurableApplicationContext app = start(false)) {
			Api api = api(app);
			// Five fires, one a second, a few seconds from now: all missed while the
			// service is down.
			first = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);
			if (first.getSecond() > 50) {
				first = first.plusSeconds(60 - first.getSecond());
			}
			last = first.plusSeconds(4);
			String cron = first.getSecond() + "-" + last.getSecond() + " " + first.getMinute() + " " + first.getHour()
					+ " * * ?";
			ObjectNode request = IntegrationTest.jobRequest("survivor", SourceTree.create(this.sources, "kept"),
					"PASSIVE");
			request.putObject("schedule").put("cron", cron).put("timezone", "UTC");
			Api.Response created = api.post("/api/jobs", request);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			jobId = created.id();
			before = created.json();
			assertThat(before.path("nextFireTime").asString()).isEqualTo(first.toInstant().toString());
		}
		Instant missed = last.toInstant().plusSeconds(2);
		await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(missed));

		try (ConfigurableApplicationContext app = start(true)) {
			Api api = api(app);
			JsonNode after = api.get("/api/jobs/" + jobId).json();
			assertThat(after.path("name").asString()).isEqualTo("survivor");
			assertThat(after.path("sources")).isEqualTo(before.path("sources"));
			assertThat(after.path("target")).isEqualTo(before.path("target"));
			assertThat(after.path("schedule")).isEqualTo(before.path("schedule"));

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JsonNode runs = api.get("/api/runs?jobId=" + jobId).json().path("content");
				assertThat(runs.size()).isEqualTo(1);
				assertThat(runs.get(0).path("trigger").asString()).isEqualTo("SCHEDULE");
				assertThat(runs.get(0).path("status").asString()).isEqualTo("SUCCEEDED");
			});
			// Had the store replayed every missed fire, more runs would follow now.
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> api.get("/api/runs?jobId=" + jobId)
					.json()
					.path("page")
					.path("totalElements")
					.asLong() == 1);
			assertThat(api.get("/api/jobs/" + jobId).json().path("nextFireTime").asString())
				.isEqualTo(first.plusDays(1).toInstant().toString());
		}
	}

	private ConfigurableApplicationContext start(boolean scheduler) {
		// Arguments, not default properties: they must win over ./application.yml.
		return new SpringApplicationBuilder(FerryApplication.class).run(Api.USERS[0], Api.USERS[1], "--server.port=0",
				"--ferry.data-dir=" + this.dataDir, "--spring.quartz.auto-startup=" + scheduler,
				"--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
				// Quartz registers each scheduler's data source JVM-wide under the
				// scheduler's name.
				"--spring.quartz.scheduler-name=restart-test");
	}

	private static Api api(ConfigurableApplicationContext app) {
		return new Api(((WebServerApplicationContext) app).getWebServer().getPort());
	}

}
