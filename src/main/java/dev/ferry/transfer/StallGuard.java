package dev.ferry.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Guards the data connection of an upload against a server that stops reading. A socket
 * read timeout does not apply to writes: without this guard a write into a full socket
 * buffer blocks forever. When one write (or flush) has made no progress for the data
 * timeout, the guard resets the connection, which makes the blocked write fail.
 */
class StallGuard extends FilterOutputStream {

	private static final ScheduledExecutorService WATCHDOG = Executors
		.newSingleThreadScheduledExecutor(watchdogThreads());

	private final Duration timeout;

	private final Runnable reset;

	private final ScheduledFuture<?> check;

	/**
	 * When the write under way started ({@link System#nanoTime()}), or 0 between writes.
	 */
	private volatile long writeStarted;

	private volatile boolean stalled;

	StallGuard(OutputStream out, Duration timeout, Runnable reset) {
		super(out);
		this.timeout = timeout;
		this.reset = reset;
		long period = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
		this.check = WATCHDOG.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
	}

	private static CustomizableThreadFactory watchdogThreads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("ferry-upload-watchdog-");
		threads.setDaemon(true);
		return threads;
	}

	/** Whether the guard reset the connection because the server stopped reading. */
	boolean stalled() {
		return this.stalled;
	}

	Duration timeout() {
		return this.timeout;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		guarded(() -> this.out.write(bytes, offset, length));
	}

	@Override
	public void write(int b) throws IOException {
		guarded(() -> this.out.write(b));
	}

	@Override
	public void flush() throws IOException {
		guarded(this.out::flush);
	}

	@Override
	public void close() throws IOException {
		try {
			guarded(this.out::close);
		}
		finally {
			stopWatching();
		}
	}

	/** Ends the guard; call it whatever becomes of the upload. */
	void stopWatching() {
		this.check.cancel(false);
	}

	private void guarded(IoAction action) throws IOException {
		this.writeStarted = Math.max(1, System.nanoTime());
		try {
			action.run();
		}
		finally {
			this.writeStarted = 0;
		}
	}

	private void check() {
		long started = this.writeStarted;
		if (started != 0 && !this.stalled && System.nanoTime() - started > this.timeout.toNanos()) {
			this.stalled = true;
			this.reset.run();
		}
	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;

	}

}
