package dev.ferry.run;

import java.nio.file.Path;

import dev.ferry.Api;
import dev.ferry.FerryApplication;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.job.JobService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

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
	void runsLeftRunningByAStoppedServiceAreMarkedInterruptedAtStartUp() {
		long runId;
		try (ConfigurableApplicationContext app = start()) {
			long jobId = api(app)
				.post("/api/jobs",
						IntegrationTest.jobRequest("crashed", SourceTree.create(this.sources, "c"), "PASSIVE"))
				.id();
			// What a killed process leaves behind: the run's record, and nothing to
			// finish it.
			runId = app.getBean(RunRecorder.class)
				.start(app.getBean(JobService.class).get(jobId), RunTrigger.SCHEDULE)
				.getId();
			assertThat(api(app).get("/api/runs/" + runId).json().path("status").asString()).isEqualTo("RUNNING");
		}

		try (ConfigurableApplicationContext app = start()) {
			JsonNode run = api(app).get("/api/runs/" + runId).json();
			assertThat(run.path("status").asString()).isEqualTo("INTERRUPTED");
			assertThat(run.path("finishedAt").asString()).isNotBlank();
			assertThat(run.path("error").path("type").asString()).isEqualTo("INTERRUPTED");
			assertThat(run.path("error").path("message").asString()).contains("service stopped");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(FerryApplication.class).run("--server.port=0",
				"--ferry.data-dir=" + this.dataDir, "--spring.quartz.scheduler-name=recovery-test");
	}

	private static Api api(ConfigurableApplicationContext app) {
		return new Api(((WebServerApplicationContext) app).getWebServer().getPort());
	}

}
