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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's form login as a browser uses it: a session cookie, a CSRF token in
 * every form, and a logout that ends the session.
 */
class FormLoginTests extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/** What a browser asks for. */
	private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

	@LocalServerPort
	int port;

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void logsInWithTheFormReadsTheDashboardAndLogsOut() throws Exception {
		HttpResponse<String> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);

		HttpResponse<String> loggedIn = post("/login",
				"username=admin&password=" + enc(Api.ADMIN_PASSWORD) + "&_csrf=" + enc(csrf(login.body())));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));

		HttpResponse<String> dashboard = get("/");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Logged in as admin").contains("Log out");

		// a logout without the token is refused; with it, the session ends
		assertThat(post("/logout", "").statusCode()).isEqualTo(403);
		HttpResponse<String> loggedOut = post("/logout", "_csrf=" + enc(csrf(dashboard.body())));
		assertThat(loggedOut.statusCode()).isEqualTo(302);
		assertThat(loggedOut.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?logout"));
		assertThat(get("/").statusCode()).isEqualTo(302);
		assertThat(get("/login?logout").body()).contains("You are logged out");
	}

	@Test
	void refusesALoginWithoutTheCsrfTokenOrWithAWrongPassword() throws Exception {
		HttpResponse<String> login = get("/login");

		assertThat(post("/login", "username=admin&password=" + enc(Api.ADMIN_PASSWORD)).statusCode()).isEqualTo(403);
		HttpResponse<String> wrong = post("/login", "username=admin&password=wrong&_csrf=" + enc(csrf(login.body())));
		assertThat(wrong.statusCode()).isEqualTo(302);
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		assertThat(get("/login?error").body()).contains("Wrong user name or password");
		assertThat(get("/").statusCode()).isEqualTo(302);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).GET().build(),
				BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return this.browser.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", HTML)
			.POST(BodyPublishers.ofString(form))
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
