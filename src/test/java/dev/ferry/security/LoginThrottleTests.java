package dev.ferry.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures count together, and how long they block; time is a clock the test moves.
 */
class LoginThrottleTests {

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(2, this.clock);

	@Test
	void afterTheFreeFailuresEachFurtherOneDoublesTheWaitUpToFiveMinutes() {
		this.throttle.failed("alice", "203.0.113.1");
		this.throttle.failed("alice", "203.0.113.1");
		assertThat(this.throttle.blocked("alice", "203.0.113.1")).isEmpty();

		this.throttle.failed("alice", "203.0.113.1");
		assertThat(this.throttle.blocked("alice", "203.0.113.1")).hasValue(Duration.ofSeconds(1));
		this.throttle.failed("alice", "203.0.113.1");
		assertThat(this.throttle.blocked("alice", "203.0.113.1")).hasValue(Duration.ofSeconds(2));
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("alice", "203.0.113.1");
		}
		assertThat(this.throttle.blocked("alice", "203.0.113.1")).hasValue(Duration.ofMinutes(5));

		this.clock.move(Duration.ofMinutes(5));
		assertThat(this.throttle.blocked("alice", "203.0.113.1")).isEmpty();
	}

	@Test
	void aUserNameCountsAsAuthenticationMatchesIt() {
		// each from another address, so that only the name can block
		this.throttle.failed("Admin", "203.0.113.1");
		this.throttle.failed("ADMIN ", "203.0.113.2");
		this.throttle.failed(" admin", "203.0.113.3");

		assertThat(this.throttle.blocked("admin", "203.0.113.4")).isPresent();
		assertThat(this.throttle.blocked("ADMIN", "203.0.113.4")).isPresent();
		assertThat(this.throttle.blocked("administrator", "203.0.113.4")).isEmpty();
	}

	@Test
	void aSuccessClearsTheNameHoweverItWasSpelt() {
		this.throttle.failed("Admin", "203.0.113.1");
		this.throttle.failed("ADMIN", "203.0.113.2");
		this.throttle.failed("admin", "203.0.113.3");
		assertThat(this.throttle.blocked("Admin", "203.0.113.5")).isPresent();

		this.throttle.succeeded("admin", "203.0.113.4");

		assertThat(this.throttle.blocked("Admin", "203.0.113.5")).isEmpty();
	}

	@Test
	void ipv6AddressesCountPerSlash64() {
		this.throttle.failed("u1", "2001:db8:1:2::1");
		this.throttle.failed("u2", "2001:db8:1:2::2");
		this.throttle.failed("u3", "2001:db8:1:2:ffff:ffff:ffff:ffff");

		assertThat(this.throttle.blocked("u4", "2001:0db8:0001:0002:abcd::9")).isPresent();
		assertThat(this.throttle.blocked("u4", "2001:db8:1:3::1")).isEmpty();
	}

	@Test
	void ipv4AddressesCountEachOnTheirOwnAndMappedIpv6IsIpv4() {
		this.throttle.failed("u1", "::ffff:203.0.113.9");
		this.throttle.failed("u2", "203.0.113.9");
		this.throttle.failed("u3", "::ffff:cb00:7109");

		assertThat(this.throttle.blocked("u4", "203.0.113.9")).isPresent();
		assertThat(this.throttle.blocked("u4", "::ffff:203.0.113.9")).isPresent();
		assertThat(this.throttle.blocked("u4", "203.0.113.10")).isEmpty();
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-22T03:00:00Z");

		void move(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
