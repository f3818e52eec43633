package dev.ferry.system;

import java.util.stream.Stream;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.TestFtp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Whatever a client sends to any endpoint, the answer is a 4xx problem+json that names
 * what is wrong: never a 500, never a stack trace, never a password.
 */
class ApiHardeningTests extends IntegrationTest {

	static Stream<Arguments> badRequests() {
		String job = "{\"name\":\"h\",\"sources\":[\"/tmp\"],\"target\":{\"host\":\"h\",\"username\":\"u\"}}";
		return Stream.of(arguments("GET", "/api/runs?status=BOGUS", null, null, 400, "status"),
				arguments("GET", "/api/runs?jobId=abc", null, null, 400, "jobId"),
				arguments("GET", "/api/runs?page=-1", null, null, 400, "page"),
				arguments("GET", "/api/runs?size=0", null, null, 400, "size"),
				arguments("GET", "/api/runs?size=100000", null, null, 400, "size"),
				arguments("GET", "/api/runs?page=99999999999", null, null, 400, "page"),
				arguments("GET", "/api/runs/abc", null, null, 400, "id"),
				arguments("GET", "/api/runs/99999999999999999999", null, null, 400, "id"),
				arguments("GET", "/api/runs/abc/transcript", null, null, 400, "id"),
				arguments("POST", "/api/runs/abc/cancel", null, null, 400, "id"),
				arguments("POST", "/api/runs/987654/cancel", null, null, 404, null),
				arguments("GET", "/api/jobs/abc", null, null, 400, "id"),
				arguments("PUT", "/api/jobs/abc", "application/json", job, 400, "id"),
				arguments("DELETE", "/api/jobs/-x", null, null, 400, "id"),
				arguments("PUT", "/api/jobs/abc/pause", null, null, 400, "id"),
				arguments("POST", "/api/jobs/abc/runs", null, null, 400, "jobId"),
				arguments("POST", "/api/jobs/abc/probe", null, null, 400, "id"),
				arguments("GET", "/api/jobs/abc/retention/preview", null, null, 400, "id"),
				arguments("GET", "/api/jobs/987654/retention/preview", null, null, 404, null),
				arguments("POST", "/api/jobs", "text/plain", job, 415, null),
				arguments("POST", "/api/jobs", "application/json", "", 400, "body"),
				arguments("POST", "/api/jobs", "application/json", "{\"name\": [1, 2", 400, "name"),
				arguments("POST", "/api/jobs", "application/json", "\"just a string\"", 400, "body"),
				arguments("POST", "/api/jobs", "application/json", "null", 400, "body"),
				arguments("POST", "/api/jobs", "application/json", "{\"name\": {\"deep\": true}}", 400, "name"),
				arguments("POST", "/api/targets/probe", "application/json", "{\"host\": 5, \"port\": \"x\"}", 400,
						"port"),
				arguments("POST", "/api/targets/probe", "application/json", "{\"host\": \"h\"}", 400, "username"),
				arguments("PATCH", "/api/jobs/1", "application/json", "{}", 405, null),
				arguments("DELETE", "/api/runs/1", null, null, 405, null),
				arguments("GET", "/api/nothing-here", null, null, 404, null));
	}

	@ParameterizedTest(name = "{0} {1} -> {4}")
	@MethodSource("badRequests")
	void answersEveryBadRequestWithAProblemNamingWhatIsWrong(String method, String path, String contentType,
			String body, int status, String field) {
		Api.Response response = this.api.send(method, path, contentType, body);

		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body()).contains(field);
		}
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain(TestFtp.PASSWORD);
	}

}
