package dev.ferry.transfer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a transfer from another thread: {@link #cancel()} runs the actions that unblock
 * whatever the transfer waits for (a connect, a write the server does not read, a reply),
 * and every step after that refuses to start. One per transfer; thread-safe.
 */
public final class Cancellation {

	private final Set<Runnable> aborts = ConcurrentHashMap.newKeySet();

	private volatile boolean cancelled;

	/** Cancels; idempotent. */
	public void cancel() {
		this.cancelled = true;
		this.aborts.forEach(Cancellation::runQuietly);
	}

	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Registers what unblocks the transfer; run at once if already cancelled.
	 * @return removes the action again
	 */
	Runnable onCancel(Runnable abort) {
		this.aborts.add(abort);
		if (this.cancelled) {
			runQuietly(abort);
		}
		return () -> this.aborts.remove(abort);
	}

	/**
	 * Refuses to go on once cancelled.
	 * @param before what was about to happen, for the message
	 * @throws TransferCancelledException if cancelled
	 */
	void check(String before) {
		if (this.cancelled) {
			throw new TransferCancelledException("Cancelled before " + before);
		}
	}

	private static void runQuietly(Runnable abort) {
		try {
			abort.run();
		}
		catch (RuntimeException ex) {
			// aborting is best effort: the flag stops every later step anyway
		}
	}

}
