package dev.ferry.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after a number of free failures for a user name or a client
 * address, each further failure blocks that name or address for twice as long as the one
 * before (1 s, 2 s, 4 s ... at most 5 min). A success clears both. Names and addresses
 * count as {@link LoginKey} says: names as authentication matches them, IPv6 addresses by
 * their /64. Bounded: at most {@value #MAX_ENTRIES} names and addresses are tracked, the
 * oldest forgotten first.
 */
final class LoginThrottle {

	static final int MAX_ENTRIES = 10_000;

	private static final Duration MAX_DELAY = Duration.ofMinutes(5);

	private final int freeFailures;

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	LoginThrottle(int freeFailures, Clock clock) {
		this.freeFailures = freeFailures;
		this.clock = clock;
	}

	/**
	 * How long logins of this name or from this address must wait; empty if not blocked.
	 */
	Optional<Duration> blocked(String name, String address) {
		Instant now = this.clock.instant();
		return Optional.ofNullable(later(until(LoginKey.USER.of(name)), until(LoginKey.ADDRESS.of(address))))
			.filter(now::isBefore)
			.map((until) -> Duration.between(now, until));
	}

	void failed(String name, String address) {
		record(LoginKey.USER.of(name));
		record(LoginKey.ADDRESS.of(address));
	}

	void succeeded(String name, String address) {
		this.failures.remove(LoginKey.USER.of(name));
		this.failures.remove(LoginKey.ADDRESS.of(address));
	}

	private void record(String key) {
		Instant now = this.clock.instant();
		if (this.failures.size() >= MAX_ENTRIES) {
			this.failures.entrySet()
				.stream()
				.min(Map.Entry.comparingByValue((a, b) -> a.last().compareTo(b.last())))
				.ifPresent((oldest) -> this.failures.remove(oldest.getKey()));
		}
		this.failures.compute(key, (k, old) -> {
			int count = (old != null) ? old.count() + 1 : 1;
			int over = count - this.freeFailures;
			Instant until = null;
			if (over > 0) {
				Duration delay = Duration.ofSeconds(1L << Math.min(over - 1, 20));
				until = now.plus((delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay);
			}
			return new Failures(count, now, until);
		});
	}

	private Instant until(String key) {
		Failures entry = this.failures.get(key);
		return (entry != null) ? entry.blockedUntil() : null;
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	private record Failures(int count, Instant last, Instant blockedUntil) {
	}

}
