package dev.ferry.transfer;

import java.util.function.Supplier;

/**
 * The steps of opening a session that a probe reports: connect, tls, login. Each runs an
 * action, times it and tells a {@link Listener} how it went.
 */
enum ConnectStep {

	CONNECT("connect"), TLS("tls"), LOGIN("login");

	private final String label;

	ConnectStep(String label) {
		this.label = label;
	}

	/**
	 * Runs the step's action and reports it.
	 * @param action returns a detail to report, e.g. the server's reply
	 */
	void run(Listener steps, Supplier<String> action) {
		long start = System.nanoTime();
		try {
			String detail = action.get();
			steps.step(this.label, true, (System.nanoTime() - start) / 1_000_000, detail);
		}
		catch (FtpTlsException ex) {
			long millis = (System.nanoTime() - start) / 1_000_000;
			if (this == CONNECT) {
				// Implicit TLS: connected, but the handshake failed.
				steps.step(this.label, true, millis, "connected; the TLS handshake failed");
				steps.step(TLS.label, false, millis, ex.getMessage());
			}
			else {
				steps.step(this.label, false, millis, ex.getMessage());
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			steps.step(this.label, false, (System.nanoTime() - start) / 1_000_000, ex.getMessage());
			throw ex;
		}
	}

	/** Hears how each step of opening a session went; the probe reports them. */
	@FunctionalInterface
	interface Listener {

		Listener NONE = (name, ok, millis, detail) -> {
		};

		void step(String name, boolean ok, long millis, String detail);

	}

}
