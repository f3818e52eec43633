package dev.ferry.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import dev.ferry.system.FerryProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises for a service behind a reverse proxy, with
 * {@code server.forward-headers-strategy=framework}: login throttling counts the address
 * in {@code X-Forwarded-For} (IPv6 per /64), and the cross-site check takes this
 * service's origin from {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}. Also how
 * a user name is counted however it is spelt. A small service of its own: the real
 * security configuration, and one endpoint instead of Ferry's API.
 */
@SpringBootTest(classes = BehindAProxyTests.Proxied.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.forward-headers-strategy=framework")
@TestPropertySource(properties = { "ferry.security.free-login-failures=2", "ferry.security.users[0].name=Alice",
		"ferry.security.users[0].password={noop}alice-pw", "ferry.security.users[0].role=ADMIN",
		"ferry.security.users[1].name=Carol", "ferry.security.users[1].password={noop}carol-pw",
		"ferry.security.users[1].role=VIEWER", "ferry.data-dir=target/behind-a-proxy" })
class BehindAProxyTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theAddressInXForwardedForIsTheOneThatIsThrottled() {
		for (int i = 1; i <= 3; i++) {
			assertThat(get("nobody-" + i, "guess", "X-Forwarded-For", "203.0.113.7")).isEqualTo(401);
		}

		assertThat(get("alice", "alice-pw", "X-Forwarded-For", "203.0.113.7")).isEqualTo(429);
		assertThat(get("alice", "alice-pw", "X-Forwarded-For", "203.0.113.8")).as("another client of the proxy")
			.isEqualTo(200);
	}

	@Test
	void anIpv6ClientIsThrottledWithItsWholeSlash64() {
		for (int i = 1; i <= 3; i++) {
			assertThat(get("nobody-v6-" + i, "guess", "X-Forwarded-For", "2001:db8:7:7::" + i)).isEqualTo(401);
		}

		assertThat(get("alice", "alice-pw", "X-Forwarded-For", "2001:db8:7:7:abcd::99")).isEqualTo(429);
		assertThat(get("alice", "alice-pw", "X-Forwarded-For", "2001:db8:7:8::1")).isEqualTo(200);
	}

	@Test
	void aUserNameIsThrottledHoweverItIsSpelt() {
		// each from another address, so that only the name can be what blocks
		assertThat(get("CAROL", "guess", "X-Forwarded-For", "198.51.100.1")).isEqualTo(401);
		assertThat(get("Carol ", "guess", "X-Forwarded-For", "198.51.100.2")).isEqualTo(401);
		assertThat(get(" carol", "guess", "X-Forwarded-For", "198.51.100.3")).isEqualTo(401);

		// CAROL, Carol and carol are one user to authentication, so one to the throttle
		assertThat(get("carol", "carol-pw", "X-Forwarded-For", "198.51.100.4")).isEqualTo(429);
	}

	/**
	 * The framework strategy believes the first address in {@code X-Forwarded-For}, which
	 * a client can write itself unless the proxy replaces the header, and RFC 7239's
	 * {@code Forwarded} too.
	 */
	@Test
	void whichForwardedAddressCounts() {
		assertThat(whoAsks("X-Forwarded-For", "203.0.113.66, 198.51.100.9")).isEqualTo("Alice from 203.0.113.66");
		assertThat(whoAsks("Forwarded", "for=203.0.113.77;proto=https")).isEqualTo("Alice from 203.0.113.77");
	}

	@Test
	void theCrossSiteCheckSeesTheOriginTheProxyWasAskedFor() {
		String[] proxied = { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "ferry.example.com", "Origin",
				"https://ferry.example.com", "X-Forwarded-For", "192.0.2.10" };

		assertThat(post(proxied)).isEqualTo(200);
		assertThat(post("Origin", "https://ferry.example.com", "X-Forwarded-For", "192.0.2.11"))
			.as("the same Origin straight to the service is another origin")
			.isEqualTo(403);
	}

	String whoAsks(String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri()).GET();
		authorize(request, "Alice", "alice-pw", headers);
		try {
			return this.http.send(request.build(), BodyHandlers.ofString()).body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int get(String user, String password, String... headers) {
		return send(HttpRequest.newBuilder(uri()).GET(), user, password, headers);
	}

	private int post(String... headers) {
		return send(HttpRequest.newBuilder(uri()).POST(BodyPublishers.noBody()), "Alice", "alice-pw", headers);
	}

	private int send(HttpRequest.Builder request, String user, String password, String... headers) {
		request.header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return this.http.send(request.build(), BodyHandlers.discarding()).statusCode();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void authorize(HttpRequest.Builder request, String user, String password, String... headers) {
		request.header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
	}

	private URI uri() {
		return URI.create("http://127.0.0.1:" + this.port + "/api/ping");
	}

	/**
	 * A web server with Ferry's security and one endpoint that answers any method with
	 * who asked from where. Neither a {@code @SpringBootConfiguration} nor a component:
	 * the package's other tests would take it for the application, and
	 * {@code FerryApplication}'s component scan would take it in.
	 */
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class, JacksonAutoConfiguration.class })
	@EnableConfigurationProperties(FerryProperties.class)
	@Import(SecurityConfiguration.class)
	static class Proxied {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		RouterFunction<ServerResponse> ping() {
			return RouterFunctions.route(RequestPredicates.path("/api/ping"), (request) -> ServerResponse.ok()
				.body(request.servletRequest().getRemoteUser() + " from " + request.servletRequest().getRemoteAddr()));
		}

	}

}
