package dev.ferry.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.ferry.Api;
import dev.ferry.FerryApplication;
import dev.ferry.TarGzContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a newcomer sees with
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo}: the demo job exists and
 * its first backup lands on the embedded FTP server.
 */
class DemoProfileTests {

	@TempDir
	Path dataDir;

	@Test
	void theDemoJobBacksUpTheSampleFolderToTheEmbeddedServer() throws IOException {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FerryApplication.class).profiles("demo")
			.run("--server.port=0", "--ferry.data-dir=" + this.dataDir, "--ferry.demo.ftp-port=0",
					"--spring.quartz.scheduler-name=demo-test")) {
			// the demo's documented login
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort(), "demo", "demo");

			JsonNode job = api.get("/api/jobs").json().get(0);
			assertThat(job.path("name").asString()).isEqualTo("demo");
			assertThat(job.path("schedule").path("cron").asString()).isEqualTo("0 * * * * ?");
			assertThat(job.path("nextFireTime").asString()).isNotBlank();

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode runs = api.get("/api/runs?status=SUCCEEDED").json().path("content");
				assertThat(runs.size()).isPositive();
			});
			Path backups = this.dataDir.resolve("demo/ftp/backups");
			List<Path> archives;
			try (Stream<Path> files = Files.list(backups)) {
				archives = files
					.filter((f) -> f.getFileName().toString().matches("demo-\\d{8}-\\d{6}-r\\d+\\.tar\\.gz"))
					.toList();
			}
			assertThat(archives).isNotEmpty();
			assertThat(TarGzContents.read(Files.readAllBytes(archives.get(0))))
				.containsKeys("sample/README.txt", "sample/empty", "sample/latest-notes", "sample/docs/notes-über.md")
				.doesNotContainKey("sample/docs/scratch.tmp");
			assertThat(api.get("/").body()).contains("demo");
		}
	}

}
