package dev.ferry.dashboard;

import java.io.IOException;
import java.nio.file.Path;

import dev.ferry.Api;
import dev.ferry.OneWorkerIntegrationTest;
import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queued runs on the dashboard, in a real headless Chromium, with one manual worker: an
 * admin's Run now that has to wait shows a QUEUED run page, the history filters by
 * QUEUED, a full queue says so on the job's page, and Cancel ends the queued run at once.
 */
class DashboardQueueTests extends OneWorkerIntegrationTest {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	private HeadlessChromium chromium;

	private EmbeddedFtpServer slowServer;

	@BeforeEach
	void start() {
		this.chromium = HeadlessChromium.start(this.port);
		this.slowServer = throttledServer(this.dir.resolve("ftp"), 200 * 1024);
	}

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
		endActiveRuns();
		if (this.slowServer != null) {
			this.slowServer.close();
		}
	}

	@Test
	void anAdminSeesAQueuedRunAndCancelsIt() throws Exception {
		long busyJob = createJob(slowJob("page-busy", 2_000_000));
		long queuedJob = createJob(slowJob("page-queued", 10_000));
		long refusedJob = createJob(slowJob("page-refused", 10_000));
		this.chromium.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);

		this.chromium.open("/jobs/" + busyJob);
		this.chromium.click("Run now");
		this.chromium.waitFor().until((b) -> b.findElement(By.id("progress")).getText().contains("RUNNING"));
		this.chromium.open("/jobs/" + queuedJob);
		this.chromium.click("Run now");

		// the queued run's page: a badge, when it was asked for, no start, a Cancel
		// button
		WebElement badge = this.chromium.waitFor().until((b) -> b.findElement(By.cssSelector("#progress .status")));
		assertThat(badge.getText()).isEqualTo("QUEUED");
		assertThat(badge.getAttribute("class")).contains("status-queued");
		assertThat(this.chromium.text(By.id("queued"))).contains("Waiting for a free worker");
		assertThat(this.chromium.text(By.id("queued-at"))).isNotBlank().isNotEqualTo("—");
		assertThat(this.chromium.text(By.id("started-at"))).isEqualTo("—");
		String queuedRun = this.chromium.driver().getCurrentUrl();

		this.chromium.open("/runs?status=QUEUED");
		assertThat(this.chromium.text(By.id("runs"))).contains("page-queued").contains("QUEUED");
		assertThat(this.chromium.text(By.id("runs"))).doesNotContain("page-busy");

		this.chromium.open("/jobs/" + refusedJob);
		this.chromium.click("Run now");
		assertThat(this.chromium.text(By.id("notice"))).contains("run queue is full");

		this.chromium.driver().get(queuedRun);
		this.chromium.click("Cancel");
		this.chromium.waitFor().until((b) -> b.findElement(By.id("progress")).getText().contains("CANCELLED"));
		assertThat(this.chromium.text(By.id("error-message"))).contains("while queued");
		assertThat(this.chromium.driver().findElements(By.xpath("//button[text()='Cancel']"))).isEmpty();
	}

	private ObjectNode slowJob(String name, int bytes) throws IOException {
		return randomDataJob(this.dir, name, bytes, this.slowServer.port());
	}

}
