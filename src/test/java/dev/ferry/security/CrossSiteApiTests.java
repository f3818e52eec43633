package dev.ferry.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A browser that holds Basic credentials for Ferry (or a dashboard session) must not let
 * another web site change anything through the API, while scripts (curl sends neither
 * {@code Origin} nor {@code Sec-Fetch-Site}), Ferry's own pages and every GET go on
 * working.
 */
@ExtendWith(OutputCaptureExtension.class)
class CrossSiteApiTests extends IntegrationTest {

	/** Stands for this test's port, which the arguments cannot know yet. */
	private static final String OWN_PORT = "OWN_PORT";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@TempDir
	static Path dir;

	static Path source;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void createSource() {
		source = SourceTree.create(dir, "cross-site");
	}

	/**
	 * What browsers send on a request from another site: a form POST, or
	 * {@code fetch(..., {mode: 'no-cors'})}; old browsers send only {@code Origin}.
	 */
	static Stream<Arguments> crossSite() {
		return Stream.of(arguments((Object) new String[] { "Sec-Fetch-Site", "cross-site" }),
				arguments((Object) new String[] { "Sec-Fetch-Site", "same-site" }),
				arguments((Object) new String[] { "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example" }),
				arguments((Object) new String[] { "Origin", "https://evil.example" }),
				// a sandboxed frame or a redirect sends this
				arguments((Object) new String[] { "Origin", "null" }),
				// same host, another port: another origin
				arguments((Object) new String[] { "Origin", "http://127.0.0.1:1" }),
				// this service's host and port, but https: another origin too
				arguments((Object) new String[] { "Origin", "https://127.0.0.1:" + OWN_PORT }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("crossSite")
	void refusesEveryUnsafeMethodFromAnotherSiteAndNothingHappens(String[] browser) {
		String name = "cross-" + System.nanoTime();
		long id = createJob(jobRequest(name, source, "PASSIVE"));
		String changed = Api.JSON.writeValueAsString(jobRequest(name + "-changed", source, "PASSIVE"));
		String created = Api.JSON.writeValueAsString(jobRequest(name + "-new", source, "PASSIVE"));

		assertRefused(send("POST", "/api/jobs/" + id + "/runs", null, browser));
		assertRefused(send("PUT", "/api/jobs/" + id + "/pause", null, browser));
		assertRefused(send("POST", "/api/runs/999999/cancel", null, browser));
		assertRefused(send("PUT", "/api/jobs/" + id, changed, browser));
		assertRefused(send("PATCH", "/api/jobs/" + id, changed, browser));
		assertRefused(send("POST", "/api/jobs", created, browser));
		assertRefused(send("DELETE", "/api/jobs/" + id, null, browser));
		assertRefused(send("POST", "/api/jobs/" + id + "/probe", null, browser));

		JsonNode job = this.api.get("/api/jobs/" + id).json();
		assertThat(job.path("name").asString()).as("not renamed, not deleted").isEqualTo(name);
		assertThat(job.path("enabled").asBoolean()).as("not paused").isTrue();
		assertThat(this.api.get("/api/runs?jobId=" + id).json().path("page").path("totalElements").asLong())
			.as("no run started")
			.isZero();
		assertThat(this.api.get("/api/jobs").body()).doesNotContain(name + "-new");
	}

	@Test
	void refusesBeforeAnyPasswordIsChecked(CapturedOutput output) {
		Response guess = sendAs(basic(Api.ADMIN, "cross-site-guess"), "POST", "/api/jobs/1/runs", null, "Origin",
				"https://evil.example");

		assertRefused(guess);
		assertThat(output.getAll()).as("not counted as a failed login")
			.doesNotContain("Failed login for user 'admin' from 127.0.0.1: ");
	}

	@Test
	void scriptsAndFerrysOwnPagesStillChangeThings() {
		long id = createJob(jobRequest("same-origin-" + System.nanoTime(), source, "PASSIVE"));
		String own = "http://127.0.0.1:" + this.port;

		// a script on a page of Ferry's own, in a current browser
		Response run = send("POST", "/api/jobs/" + id + "/runs", null, "Sec-Fetch-Site", "same-origin", "Origin", own);
		assertThat(run.status()).as(run.body()).isEqualTo(202);
		awaitEnd(Api.JSON.readTree(run.body()).path("id").asLong());
		// an older browser that sends only Origin
		assertThat(send("PUT", "/api/jobs/" + id + "/pause", null, "Origin", own).status()).isEqualTo(200);
		// typed into the address bar, or a bookmark
		assertThat(send("PUT", "/api/jobs/" + id + "/resume", null, "Sec-Fetch-Site", "none").status()).isEqualTo(200);
		// curl -X POST -u admin:... .../api/jobs/{id}/runs, exactly as the README shows
		// it
		Response curl = send("POST", "/api/jobs/" + id + "/runs", null);
		assertThat(curl.status()).as(curl.body()).isEqualTo(202);
		awaitEnd(Api.JSON.readTree(curl.body()).path("id").asLong());
		assertThat(this.api.get("/api/runs?jobId=" + id).json().path("page").path("totalElements").asLong())
			.isEqualTo(2);
	}

	@Test
	void readsFromAnotherSiteAreNotRefused() {
		long id = createJob(jobRequest("cross-read-" + System.nanoTime(), source, "PASSIVE"));

		Response read = send("GET", "/api/jobs/" + id, null, "Sec-Fetch-Site", "cross-site", "Origin",
				"https://evil.example");

		assertThat(read.status()).isEqualTo(200);
		// and CORS stays closed, so that other site cannot read the answer
		assertThat(read.response().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void theDashboardSessionNeverAuthenticatesAnApiRequest() throws Exception {
		long id = createJob(jobRequest("session-" + System.nanoTime(), source, "PASSIVE"));
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login")).build(),
				BodyHandlers.ofString());
		HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers
				.ofString("username=admin&password=" + enc(Api.ADMIN_PASSWORD) + "&_csrf=" + enc(csrf(login.body()))))
			.build(), BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(browser.send(HttpRequest.newBuilder(uri("/")).build(), BodyHandlers.ofString()).statusCode())
			.as("the session is good for the dashboard")
			.isEqualTo(200);

		// even with the browser saying same-origin, the cookie alone is nobody to the API
		HttpResponse<String> read = browser.send(HttpRequest.newBuilder(uri("/api/jobs")).build(),
				BodyHandlers.ofString());
		HttpResponse<String> run = browser.send(HttpRequest.newBuilder(uri("/api/jobs/" + id + "/runs"))
			.header("Sec-Fetch-Site", "same-origin")
			.POST(BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());

		assertThat(read.statusCode()).isEqualTo(401);
		assertThat(run.statusCode()).isEqualTo(401);
		assertThat(this.api.get("/api/runs?jobId=" + id).json().path("page").path("totalElements").asLong()).isZero();
	}

	private static void assertRefused(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.response().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = Api.JSON.readTree(response.body());
		assertThat(problem.path("title").asString()).isEqualTo("Cross-site request refused");
		assertThat(problem.path("detail").asString()).contains("another site");
	}

	/** As the tests' admin with HTTP Basic, and with the headers a browser adds. */
	private Response send(String method, String path, String json, String... headers) {
		return sendAs(basic(Api.ADMIN, Api.ADMIN_PASSWORD), method, path, json, headers);
	}

	private Response sendAs(String authorization, String method, String path, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", authorization)
			.method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1].replace(OWN_PORT, String.valueOf(this.port)));
		}
		try {
			return new Response(this.http.send(request.build(), BodyHandlers.ofString()));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Response(HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String body() {
			return this.response.body();
		}

	}

}
