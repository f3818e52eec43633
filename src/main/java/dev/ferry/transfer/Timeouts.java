package dev.ferry.transfer;

import java.time.Duration;

/**
 * A target's own timeouts; each {@code null} falls back to the service-wide default of
 * {@link TransferProperties}.
 *
 * @param connect how long to wait for the control connection and the server's greeting
 * @param data how long a data connection may make no progress
 * @param controlKeepAlive how often to send {@code NOOP} on the control connection during
 * a long upload, so that a NAT or firewall does not drop it as idle; zero turns it off
 */
public record Timeouts(Duration connect, Duration data, Duration controlKeepAlive) {

	public static final Timeouts DEFAULTS = new Timeouts(null, null, null);

}
