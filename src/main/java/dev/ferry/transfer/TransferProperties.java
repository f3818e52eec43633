package dev.ferry.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Timeouts of FTP transfers, bound from {@code ferry.transfer.*}; a target's own
 * {@link Timeouts} override them. A missing value takes its default; zero or negative
 * timeouts are rejected because Commons Net reads zero as "wait forever".
 *
 * @param connectTimeout how long to wait for a TCP connection, control or passive data,
 * and for the server's greeting (default 30s)
 * @param controlTimeout how long to wait for a reply on the control connection (its
 * SO_TIMEOUT, default 60s)
 * @param dataTimeout how long a read or write on the data connection, or the accept of an
 * active-mode connection, may make no progress (default 60s)
 * @param controlKeepAlive how often to send {@code NOOP} on the idle control connection
 * during an upload, so that NAT and firewalls keep it open (default 120s; zero disables)
 */
@ConfigurationProperties("ferry.transfer")
public record TransferProperties(Duration connectTimeout, Duration controlTimeout, Duration dataTimeout,
		Duration controlKeepAlive) {

	static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

	static final Duration DEFAULT_CONTROL_TIMEOUT = Duration.ofSeconds(60);

	static final Duration DEFAULT_DATA_TIMEOUT = Duration.ofSeconds(60);

	static final Duration DEFAULT_CONTROL_KEEP_ALIVE = Duration.ofSeconds(120);

	@ConstructorBinding
	public TransferProperties {
		connectTimeout = positiveOrDefault("connectTimeout", connectTimeout, DEFAULT_CONNECT_TIMEOUT);
		controlTimeout = positiveOrDefault("controlTimeout", controlTimeout, DEFAULT_CONTROL_TIMEOUT);
		dataTimeout = positiveOrDefault("dataTimeout", dataTimeout, DEFAULT_DATA_TIMEOUT);
		controlKeepAlive = keepAliveOrDefault(controlKeepAlive);
	}

	/** Timeouts with the default keep-alive. */
	public TransferProperties(Duration connectTimeout, Duration controlTimeout, Duration dataTimeout) {
		this(connectTimeout, controlTimeout, dataTimeout, null);
	}

	/**
	 * Properties with every default applied.
	 * @return the defaults
	 */
	public static TransferProperties defaults() {
		return new TransferProperties(null, null, null, null);
	}

	/**
	 * The timeouts that apply to one target: its own where set, these otherwise.
	 * @param target the target
	 * @return the effective timeouts
	 */
	EffectiveTimeouts forTarget(FtpTarget target) {
		Timeouts own = target.timeouts();
		return new EffectiveTimeouts(
				(own.connect() != null) ? positiveOrDefault("connect", own.connect(), null) : this.connectTimeout,
				this.controlTimeout,
				(own.data() != null) ? positiveOrDefault("data", own.data(), null) : this.dataTimeout,
				(own.controlKeepAlive() != null) ? keepAliveOrDefault(own.controlKeepAlive()) : this.controlKeepAlive);
	}

	static Duration positiveOrDefault(String name, Duration value, Duration defaultValue) {
		if (value == null) {
			return defaultValue;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("ferry.transfer." + name + " must be positive, was " + value);
		}
		return value;
	}

	private static Duration keepAliveOrDefault(Duration value) {
		if (value == null) {
			return DEFAULT_CONTROL_KEEP_ALIVE;
		}
		if (value.isNegative()) {
			throw new IllegalArgumentException("ferry.transfer.controlKeepAlive must not be negative, was " + value);
		}
		return value;
	}

	/**
	 * The timeouts one connection works with.
	 *
	 * @param connect TCP connect (control and passive data), greeting and implicit TLS
	 * handshake
	 * @param control each reply on the control connection
	 * @param data no progress on the data connection, and accepting an active one
	 * @param keepAlive interval of {@code NOOP}s during an upload; zero for none
	 */
	record EffectiveTimeouts(Duration connect, Duration control, Duration data, Duration keepAlive) {

		/**
		 * The same, with connect, control and data timeouts no longer than {@code cap}.
		 */
		EffectiveTimeouts capped(Duration cap) {
			return new EffectiveTimeouts(min(this.connect, cap), min(this.control, cap), min(this.data, cap),
					this.keepAlive);
		}

		private static Duration min(Duration a, Duration b) {
			return (a.compareTo(b) <= 0) ? a : b;
		}

	}

}
