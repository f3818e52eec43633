package dev.ferry.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timeouts of FTP transfers, bound from {@code ferry.transfer.*}. A missing value takes
 * its default; zero or negative values are rejected because Commons Net reads zero as
 * "wait forever".
 *
 * @param connectTimeout how long to wait for a TCP connection, control or passive data
 * (default 30s)
 * @param controlTimeout how long to wait for a reply on the control connection (its
 * SO_TIMEOUT, default 60s)
 * @param dataTimeout how long a read on the data connection, or the accept of an
 * active-mode connection, may wait (default 60s)
 */
@ConfigurationProperties("ferry.transfer")
public record TransferProperties(Duration connectTimeout, Duration controlTimeout, Duration dataTimeout) {

	static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

	static final Duration DEFAULT_CONTROL_TIMEOUT = Duration.ofSeconds(60);

	static final Duration DEFAULT_DATA_TIMEOUT = Duration.ofSeconds(60);

	public TransferProperties {
		connectTimeout = positiveOrDefault("connectTimeout", connectTimeout, DEFAULT_CONNECT_TIMEOUT);
		controlTimeout = positiveOrDefault("controlTimeout", controlTimeout, DEFAULT_CONTROL_TIMEOUT);
		dataTimeout = positiveOrDefault("dataTimeout", dataTimeout, DEFAULT_DATA_TIMEOUT);
	}

	/**
	 * Properties with every default applied.
	 * @return the defaults
	 */
	public static TransferProperties defaults() {
		return new TransferProperties(null, null, null);
	}

	private static Duration positiveOrDefault(String name, Duration value, Duration defaultValue) {
		if (value == null) {
			return defaultValue;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("ferry.transfer." + name + " must be positive, was " + value);
		}
		return value;
	}

}
