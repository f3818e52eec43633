package dev.ferry.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals that the security filters write before Spring MVC is reached are
 * problem+json bodies with exactly the RFC 9457 members every other API error has, and
 * nothing else: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}. Text taken from the request stays text, however it is quoted.
 */
class ProblemBodiesTests extends IntegrationTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void anonymousGets401WithTheWholeProblemAndTheBasicChallenge() throws Exception {
		HttpResponse<String> response = send(request("/api/jobs").GET());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue("Basic realm=\"Ferry\", charset=\"UTF-8\"");
		assertProblem(response, "Unauthorized",
				"Log in: the API takes HTTP Basic authentication with a Ferry user name and password.", 401,
				"/api/jobs");
	}

	@Test
	void aViewerGets403WithTheWholeProblem() throws Exception {
		HttpResponse<String> response = send(
				request("/api/jobs/1/pause").header("Authorization", basic(Api.VIEWER, Api.VIEWER_PASSWORD))
					.PUT(BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(403);
		assertProblem(response, "Forbidden", "Your role may not do this; it needs an ADMIN.", 403, "/api/jobs/1/pause");
	}

	@Test
	void aCrossSiteRequestGets403AndWhatTheBrowserSaidStaysText() throws Exception {
		String said = "\"cross\\site\"\tx";
		HttpResponse<String> response = send(
				request("/api/jobs/1/runs").header("Authorization", basic(Api.ADMIN, Api.ADMIN_PASSWORD))
					.header("Sec-Fetch-Site", said)
					.POST(BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(403);
		assertProblem(response, "Cross-site request refused",
				"This POST comes from a page of another site: the browser says Sec-Fetch-Site: " + said
						+ ". The API changes nothing for other web sites; "
						+ "call it from a script (such as curl) or from Ferry's own pages.",
				403, "/api/jobs/1/runs");
	}

	private static void assertProblem(HttpResponse<String> response, String title, String detail, int status,
			String instance) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode expected = Api.JSON.createObjectNode()
			.put("type", "about:blank")
			.put("title", title)
			.put("status", status)
			.put("detail", detail)
			.put("instance", instance);
		assertThat(Api.JSON.readTree(response.body())).isEqualTo(expected);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
