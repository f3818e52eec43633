package dev.ferry;

import java.io.IOException;
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
 * out.
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
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
