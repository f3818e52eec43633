package dev.ferry.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole service, so that tests can pin time where they need to.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * Ticks in microseconds: what the database keeps, so a stored instant reads back
	 * equal.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
	}

}
