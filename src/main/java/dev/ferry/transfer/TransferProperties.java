package dev.ferry.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Timeouts of FTP transfers, bound from {@code ferry.transfer.*}; a target's own
 * {@link Timeouts} override them. A missing value takes its default; zero or negative
 * timeouts are rejected because Commons Net reads zero as "wait forever".
 *
 * @param connectTimeout How long to wait for the FTP server to accept a connection,
 * control or passive data, and for its greeting.
 * @param controlTimeout How long to wait for any reply on the control connection.
 * @param dataTimeout How long the data connection may make no progress (nothing arrives,
 * or the server stops reading the upload); also how long active mode waits for the server
 * to connect back.
 * @param controlKeepAlive How often to send NOOP on the control connection during an
 * upload, so that a NAT or firewall does not drop it as idle; 0 turns it off. Jobs can
 * set their own (target.controlKeepAlive).
 */
@ConfigurationProperties("ferry.transfer")
public record TransferProperties(@DefaultValue(CONNECT_TIMEOUT) Duration connectTimeout,
		@DefaultValue(CONTROL_TIMEOUT) Duration controlTimeout, @DefaultValue(DATA_TIMEOUT) Duration dataTimeout,
		@DefaultValue(CONTROL_KEEP_ALIVE) Duration controlKeepAlive) {

	static final String CONNECT_TIMEOUT = "30s";

	static final String CONTROL_TIMEOUT = "60s";

	static final String DATA_TIMEOUT = "60s";

	static final String CONTROL_KEEP_ALIVE = "120s";

	/**
	 * Binding applies the {@link DefaultValue}s; a null from code takes the same default.
	 */
	@ConstructorBinding
	public TransferProperties {
		connectTimeout = positiveOrDefault("connectTimeout", connectTimeout,
				DurationStyle.detectAndParse(CONNECT_TIMEOUT));
		controlTimeout = positiveOrDefault("controlTimeout", controlTimeout,
				DurationStyle.detectAndParse(CONTROL_TIMEOUT));
		dataTimeout = positiveOrDefault("dataTimeout", dataTimeout, DurationStyle.detectAndParse(DATA_TIMEOUT));
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
			return DurationStyle.detectAndParse(CONTROL_KEEP_ALIVE);
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
