package dev.ferry.security;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every endpoint for an anonymous client, a viewer and an admin: anonymous gets 401 (with
 * {@code WWW-Authenticate}) on the API and the login page on the dashboard, a viewer
 * reads but changes nothing (403), an admin does everything.
 */
class AccessTests extends IntegrationTest {

	@TempDir
	static Path dir;

	static Path source;

	@BeforeAll
	static void createSource() {
		source = SourceTree.create(dir, "access");
	}

	/** A request to try as each user; {@code id} is a job that exists. */
	record Call(String method, String path, Function<Long, String> body) {

		String path(long id) {
			return this.path.replace("{id}", String.valueOf(id));
		}

	}

	static Stream<Arguments> endpoints() {
		return Stream
			.of(arguments(get("/api/jobs"), 200, 200), arguments(get("/api/jobs/{id}"), 200, 200),
					arguments(get("/api/runs"), 200, 200), arguments(get("/api/runs?jobId={id}"), 200, 200),
					arguments(get("/api/jobs/{id}/retention/preview"), 200, 200),
					arguments(new Call("POST", "/api/jobs", (id) -> job("access-new-" + id)), 403, 201),
					arguments(new Call("PUT", "/api/jobs/{id}", (id) -> job("access-" + id)), 403, 200),
					arguments(new Call("PUT", "/api/jobs/{id}/pause", null), 403, 200),
					arguments(new Call("PUT", "/api/jobs/{id}/resume", null), 403, 200),
					arguments(new Call("POST", "/api/jobs/{id}/probe", null), 403, 200),
					arguments(
							new Call("POST", "/api/targets/probe",
									(id) -> Api.JSON
										.writeValueAsString(jobRequest("t", source, "PASSIVE").path("target"))),
							403, 200),
					arguments(new Call("POST", "/api/jobs/{id}/runs", null), 403, 202),
					arguments(new Call("POST", "/api/runs/999999/cancel", null), 403, 404),
					arguments(new Call("DELETE", "/api/jobs/{id}", null), 403, 204));
	}

	@ParameterizedTest(name = "{0}: anonymous 401, viewer {1}, admin {2}")
	@MethodSource("endpoints")
	void eachEndpointAnswersEachRoleAsItMay(Call call, int viewer, int admin) {
		long id = createJob(jobRequest("access-" + System.nanoTime(), source, "PASSIVE"));

		Api.Response anonymous = send(this.api.as(null, null), call, id);
		Api.Response wrongPassword = send(this.api.as(Api.ADMIN, "not-the-password"), call, id);
		Api.Response asViewer = send(this.api.as(Api.VIEWER, Api.VIEWER_PASSWORD), call, id);
		Api.Response asAdmin = send(this.api, call, id);

		for (Api.Response refused : new Api.Response[] { anonymous, wrongPassword }) {
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic realm=\"Ferry\""));
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(asViewer.status()).as(asViewer.body()).isEqualTo(viewer);
		if (viewer == 403) {
			assertThat(asViewer.contentType()).startsWith("application/problem+json");
			assertThat(asViewer.json().path("detail").asString()).contains("ADMIN");
		}
		assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(admin);
	}

	@Test
	void theDashboardSendsStrangersToTheLoginPageAndLetsBothRolesRead() {
		Api anonymous = this.api.as(null, null);

		Api.Response page = anonymous.page("/");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(anonymous.get("/login").status()).isEqualTo(200);
		assertThat(anonymous.get("/login").body()).contains("name=\"_csrf\"");
		assertThat(this.api.as(Api.VIEWER, Api.VIEWER_PASSWORD).get("/").status()).isEqualTo(200);
		assertThat(this.api.get("/").status()).isEqualTo(200);
	}

	@Test
	void onlyHealthIsOpenAmongTheActuatorEndpoints() {
		Api anonymous = this.api.as(null, null);

		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health").body()).contains("UP");
		assertThat(anonymous.get("/actuator").status()).isEqualTo(401);
		assertThat(this.api.as(Api.VIEWER, Api.VIEWER_PASSWORD).get("/actuator").status()).isEqualTo(403);
		assertThat(this.api.get("/actuator").status()).isEqualTo(200);
	}

	@Test
	void answersWithTheUsualSecurityHeadersAndNoCors() {
		Api.Response response = this.api.send("GET", "/api/jobs", null, null);

		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private static Call get(String path) {
		return new Call("GET", path, null);
	}

	private static String job(String name) {
		return Api.JSON.writeValueAsString(jobRequest(name, source, "PASSIVE"));
	}

	private static Api.Response send(Api api, Call call, long id) {
		String body = (call.body() != null) ? call.body().apply(id) : null;
		return api.send(call.method(), call.path(id), (body != null) ? "application/json" : null, body);
	}

}
