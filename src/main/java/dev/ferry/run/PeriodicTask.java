package dev.ferry.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Something the service does on its own thread at a fixed delay while it runs, such as
 * the heartbeat or the history cleanup.
 */
abstract class PeriodicTask implements SmartLifecycle {

	private final String threadName;

	private ScheduledExecutorService executor;

	PeriodicTask(String threadName) {
		this.threadName = threadName;
	}

	/** Done every {@link #delay()}; what it throws stops the repetitions. */
	abstract void runOnce();

	/** How long before the first time. */
	abstract Duration initialDelay();

	/** How long between the end of one time and the start of the next. */
	abstract Duration delay();

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory(this.threadName));
		this.executor.scheduleWithFixedDelay(this::runOnce, initialDelay().toMillis(), delay().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
