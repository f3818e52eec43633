package dev.ferry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for Ferry's REST API in tests: JSON in, status, headers and JSON
 * out; logged in with HTTP Basic as the tests' admin unless told otherwise.
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The tests' users; the service under test is started with them (see {@link #USERS}).
	 */
	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "test-Admin-pw";

	public static final String VIEWER = "viewer";

	public static final String VIEWER_PASSWORD = "test-Viewer-pw";

	/** The settings that define the tests' users, as command-line arguments. */
	public static final String[] USERS = { "--ferry.security.admin-password=" + ADMIN_PASSWORD,
			"--ferry.security.viewer-password=" + VIEWER_PASSWORD };

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String authorization;

	public Api(int port) {
		this(port, ADMIN, ADMIN_PASSWORD);
	}

	/**
	 * @param user {@code null} for anonymous requests
	 */
	public Api(int port, String user, String password) {
		this.base = "http://127.0.0.1:" + port;
		this.authorization = (user != null)
				? "Basic "
						+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
				: null;
	}

	/** The same service, as another user ({@code null}: anonymous). */
	public Api as(String user, String password) {
		return new Api(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), user, password);
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** A page as a browser asks for it. */
	public Response page(String path) {
		return send(
				HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
	}

	public Response post(String path, Object body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(text(body))));
	}

	public Response put(String path, Object body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(text(body))));
	}

	public Response put(String path) {
		return send(HttpRequest.newBuilder(uri(path)).PUT(BodyPublishers.noBody()));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	/** Any request, for tests of what clients may send. */
	public Response send(String method, String path, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private static String text(Object body) {
		return (body instanceof String string) ? string : JSON.writeValueAsString(body);
	}

	private Response send(HttpRequest.Builder request) {
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			var response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
			String body = response.body();
			boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
			JsonNode json = (isJson && body != null && !body.isBlank()) ? JSON.readTree(body) : JSON.missingNode();
			return new Response(response.statusCode(), response.headers(), body, json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What the service answered. */
	public record Response(int status, HttpHeaders headers, String body, JsonNode json) {

		public String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		public String location() {
			return this.headers.firstValue("Location").orElse("");
		}

		public long id() {
			return this.json.path("id").asLong();
		}

	}

}
