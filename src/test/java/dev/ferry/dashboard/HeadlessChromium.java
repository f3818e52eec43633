package dev.ferry.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium, driven through Selenium against the service on a port, with
 * the steps every dashboard test takes: log in, log out, wait for the page to change.
 * Skips the test, saying why, where Chromium or its driver is missing.
 */
final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final int port;

	private HeadlessChromium(WebDriver driver, int port) {
		this.driver = driver;
		this.port = port;
	}

	static HeadlessChromium start(int port) {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--window-size=1280,900");
		return new HeadlessChromium(new ChromeDriver(options), port);
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get(url(path));
	}

	void logIn(String user, String password) {
		open("/login");
		this.driver.findElement(By.id("username")).sendKeys(user);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.xpath("//button[text()='Log in']")).click();
		waitFor().until((b) -> !b.getCurrentUrl().contains("/login"));
	}

	void logOut() {
		this.driver.findElement(By.xpath("//button[text()='Log out']")).click();
		waitFor().until((b) -> b.getCurrentUrl().contains("/login"));
	}

	void click(String buttonText) {
		this.driver.findElement(By.xpath("//button[text()='" + buttonText + "']")).click();
	}

	String text(By by) {
		return this.driver.findElement(by).getText();
	}

	WebDriverWait waitFor() {
		// the progress part of a run's page is replaced every second
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(60));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
