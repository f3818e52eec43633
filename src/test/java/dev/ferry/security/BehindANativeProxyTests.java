package dev.ferry.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same promises with {@code server.forward-headers-strategy=native}: Tomcat applies
 * {@code X-Forwarded-*} sent by an internal proxy (the tests' client is 127.0.0.1, one of
 * {@code server.tomcat.remoteip.internal-proxies}). The users and the rest come from
 * {@link BehindAProxyTests}.
 */
@SpringBootTest(classes = BehindAProxyTests.Proxied.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.forward-headers-strategy=native")
class BehindANativeProxyTests extends BehindAProxyTests {

	/**
	 * Tomcat reads the chain from the right and takes the first address that is not an
	 * internal proxy: what the last proxy saw, not what the client wrote. It knows
	 * nothing of RFC 7239's {@code Forwarded}.
	 */
	@Test
	@Override
	void whichForwardedAddressCounts() {
		assertThat(whoAsks("X-Forwarded-For", "203.0.113.66, 198.51.100.9")).isEqualTo("Alice from 198.51.100.9");
		assertThat(whoAsks("Forwarded", "for=203.0.113.77;proto=https")).isEqualTo("Alice from 127.0.0.1");
	}

}
