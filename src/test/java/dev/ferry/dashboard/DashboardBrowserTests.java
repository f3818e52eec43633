package dev.ferry.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.TestFtp;
import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium, driven as a user would: log in, find the job
 * created through the API, run it, watch the progress bar move and the status turn to
 * SUCCEEDED, read the transcript; a viewer sees no buttons; log out. Saves screenshots of
 * the main pages in {@code docs/screenshots/}.
 */
class DashboardBrowserTests extends IntegrationTest {

	private static final Path SCREENSHOTS = Path.of("docs/screenshots");

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	private HeadlessChromium chromium;

	private WebDriver browser;

	private EmbeddedFtpServer slowServer;

	@BeforeEach
	void startBrowser() {
		this.chromium = HeadlessChromium.start(this.port);
		this.browser = this.chromium.driver();
		this.slowServer = EmbeddedFtpServer.builder()
			.rootDirectory(this.dir.resolve("ftp"))
			.user(TestFtp.USER, TestFtp.PASSWORD)
			.uploadRate(400 * 1024)
			.build()
			.start();
	}

	@AfterEach
	void stopBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
		if (this.slowServer != null) {
			this.slowServer.close();
		}
	}

	@Test
	void anAdminRunsAJobAndWatchesItLandAViewerOnlyReads() throws Exception {
		ObjectNode request = jobRequest("browser-www", bigSource(), "PASSIVE");
		((ObjectNode) request.path("target")).put("port", this.slowServer.port()).put("remoteDir", "/backups");
		request.putObject("schedule").put("cron", "0 30 2 * * ?").put("timezone", "Europe/Berlin");
		long jobId = createJob(request);

		logIn(Api.ADMIN, Api.ADMIN_PASSWORD);
		assertThat(text(By.tagName("h1"))).isEqualTo("Ferry");
		assertThat(this.browser.findElement(By.id("jobs")).getText()).contains("browser-www");
		screenshot("overview");

		this.browser.findElement(By.linkText("browser-www")).click();
		assertThat(text(By.tagName("h1"))).isEqualTo("browser-www");
		assertThat(this.browser.getPageSource()).doesNotContain(TestFtp.PASSWORD);
		this.browser.findElement(By.xpath("//button[text()='Run now']")).click();

		// the run's page: a progress bar that moves while the archive uploads
		WebElement bar = waitFor().until((b) -> b.findElement(By.id("run-progress")));
		int first = Integer.parseInt(bar.getAttribute("aria-valuenow"));
		waitFor().until((b) -> !b.findElements(By.id("run-progress")).isEmpty()
				&& Integer.parseInt(b.findElement(By.id("run-progress")).getAttribute("aria-valuenow")) > first);
		assertThat(text(By.id("progress"))).contains("RUNNING");
		screenshot("run-progress");
		waitFor().until((b) -> b.findElement(By.id("progress")).getText().contains("SUCCEEDED"));
		assertThat(text(By.id("verification"))).isEqualTo("SIZE, SHA-256");
		assertThat(text(By.id("transcript"))).contains("STOR .browser-www-").contains("PASS ****");
		screenshot("run");

		this.browser.get(url("/jobs/" + jobId));
		assertThat(this.browser.findElements(By.id("job-chart"))).hasSize(1);
		this.browser.findElement(By.xpath("//button[text()='Test connection']")).click();
		assertThat(text(By.id("probe"))).contains("PASV").contains("✔ works");
		screenshot("job");

		this.browser.get(url("/runs?job=" + jobId));
		assertThat(text(By.id("runs"))).contains("SUCCEEDED").contains("MANUAL");
		screenshot("runs");
		logOut();

		logIn(Api.VIEWER, Api.VIEWER_PASSWORD);
		this.browser.get(url("/jobs/" + jobId));
		assertThat(text(By.tagName("h1"))).isEqualTo("browser-www");
		assertThat(this.browser.findElements(By.tagName("button"))).extracting(WebElement::getText)
			.containsExactly("Log out");
		logOut();
		assertThat(this.browser.getCurrentUrl()).endsWith("/login?logout");
		this.browser.get(url("/"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
	}

	private void logIn(String user, String password) {
		this.chromium.logIn(user, password);
	}

	private void logOut() {
		this.chromium.logOut();
	}

	private String text(By by) {
		return this.chromium.text(by);
	}

	private WebDriverWait waitFor() {
		return this.chromium.waitFor();
	}

	private String url(String path) {
		return this.chromium.url(path);
	}

	private void screenshot(String name) throws IOException {
		Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.createDirectories(SCREENSHOTS);
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/** 4 MB that gzip cannot shrink: about ten seconds at the server's upload rate. */
	private Path bigSource() throws IOException {
		Path source = Files.createDirectories(this.dir.resolve("www"));
		byte[] bytes = new byte[4 * 1024 * 1024];
		new Random(3).nextBytes(bytes);
		Files.write(source.resolve("data.bin"), bytes);
		Files.writeString(source.resolve("index.html"), "<h1>hello</h1>\n");
		return source;
	}

}
