package dev.ferry.transfer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Sends {@code NOOP} on the control connection at a fixed interval while an upload keeps
 * it idle, so that NAT and firewalls do not drop it. The replies are not awaited here:
 * the uploader reads them, with the transfer's own, once the data connection is closed.
 * The upload never waits for a keep-alive.
 */
final class ControlKeepAlive {

	private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(timerThreads());

	private final FerryFtpClient client;

	private final Transcript transcript;

	private final ScheduledFuture<?> task;

	private int sent;

	private boolean stopped;

	private ControlKeepAlive(FerryFtpClient client, Duration interval, Transcript transcript) {
		this.client = client;
		this.transcript = transcript;
		this.task = interval.isZero() ? null : TIMER.scheduleAtFixedRate(this::send, interval.toMillis(),
				interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts sending keep-alives.
	 * @param interval the interval; zero sends none
	 */
	static ControlKeepAlive start(FerryFtpClient client, Duration interval, Transcript transcript) {
		return new ControlKeepAlive(client, interval, transcript);
	}

	private static CustomizableThreadFactory timerThreads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("ferry-keep-alive-");
		threads.setDaemon(true);
		return threads;
	}

	private synchronized void send() {
		if (this.stopped) {
			return;
		}
		try {
			this.client.sendNoopWithoutReply();
			this.sent++;
			this.transcript.command("NOOP");
		}
		catch (IOException ex) {
			this.stopped = true;
			this.task.cancel(false);
			this.transcript.status("Keep-alive NOOP failed, no more are sent: " + FtpCalls.describe(ex));
		}
	}

	/**
	 * Stops sending; a keep-alive being written is finished first.
	 * @return how many {@code NOOP}s were sent, each of which has a reply to read
	 */
	synchronized int stop() {
		this.stopped = true;
		if (this.task != null) {
			this.task.cancel(false);
		}
		return this.sent;
	}

}
