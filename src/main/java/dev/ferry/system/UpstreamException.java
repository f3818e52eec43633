package dev.ferry.system;

/**
 * A server Ferry talks to on the client's behalf (the FTP server) failed; rendered as 502
 * problem+json with the explanation, which never contains a password.
 */
public class UpstreamException extends RuntimeException {

	private final String phase;

	public UpstreamException(String message, String phase, Throwable cause) {
		super(message, cause);
		this.phase = phase;
	}

	/** Where it failed, e.g. {@code CONNECT}, {@code LOGIN}. */
	public String phase() {
		return this.phase;
	}

}
