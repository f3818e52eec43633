package dev.ferry.run;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The workers of "run now" and the runs waiting for one. A run that finds a free worker
 * starts at once; the others wait, oldest first, at most {@code capacity} of them, and a
 * worker that finishes takes the oldest. One lock guards the free workers and the queue,
 * and each run is recorded under it, so a run is never recorded RUNNING while it waits,
 * nor left waiting while a worker idles.
 *
 * @param <R> a run, as the runner knows it
 */
final class ManualQueue<R> {

	private static final Logger log = LoggerFactory.getLogger(ManualQueue.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(5);

	private final ExecutorService workers;

	private final int threads;

	private final int capacity;

	private final Consumer<R> work;

	private final ToLongFunction<R> runId;

	private final Deque<R> waiting = new ArrayDeque<>();

	private int idle;

	private boolean stopped;

	/**
	 * @param work what a worker does with a run, whether it waited or not
	 * @param runId the id of a run
	 */
	ManualQueue(int threads, int capacity, Consumer<R> work, ToLongFunction<R> runId) {
		this.workers = Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("ferry-run-"));
		this.threads = threads;
		this.capacity = capacity;
		this.work = work;
		this.runId = runId;
		this.idle = threads;
	}

	/**
	 * Admits a run: to a free worker, or to the queue.
	 * @param record records the run, told whether it has to wait ({@code true}); what it
	 * throws refuses the run
	 * @return what {@code record} returned
	 * @throws RunQueueFullException when the run would have to wait and the queue is full
	 * @throws IllegalStateException when the service is stopping
	 */
	synchronized R admit(Function<Boolean, R> record) {
		if (this.stopped) {
			throw new IllegalStateException("The service is stopping; no run can start");
		}
		boolean wait = this.idle == 0;
		if (wait && this.waiting.size() >= this.capacity) {
			throw new RunQueueFullException(this.waiting.size(), this.threads);
		}
		R run = record.apply(wait);
		if (wait) {
			this.waiting.add(run);
		}
		else {
			this.idle--;
			this.workers.execute(() -> work(run));
		}
		return run;
	}

	/** Takes a waiting run out of the queue; empty when it is not waiting here. */
	synchronized Optional<R> remove(long runId) {
		for (Iterator<R> it = this.waiting.iterator(); it.hasNext();) {
			R run = it.next();
			if (this.runId.applyAsLong(run) == runId) {
				it.remove();
				return Optional.of(run);
			}
		}
		return Optional.empty();
	}

	/** The ids of the runs waiting here. */
	synchronized List<Long> waitingIds() {
		return this.waiting.stream().map(this.runId::applyAsLong).toList();
	}

	/**
	 * Stops: the runs under way are interrupted, and given a few seconds to record that
	 * while the database is still there; no waiting run starts.
	 * @return the runs that were waiting
	 */
	List<R> stop() {
		List<R> neverStarted;
		synchronized (this) {
			this.stopped = true;
			neverStarted = List.copyOf(this.waiting);
			this.waiting.clear();
		}
		this.workers.shutdownNow();
		try {
			if (!this.workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Manual runs still under way after {}; the next start marks them INTERRUPTED", STOP_WAIT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return neverStarted;
	}

	private void work(R first) {
		R next = first;
		while (next != null) {
			try {
				this.work.accept(next);
			}
			catch (RuntimeException | Error ex) {
				// the run recorded its own outcome; the worker goes on with the queue
				log.error("Run {} ended with an unexpected error", this.runId.applyAsLong(next), ex);
			}
			next = nextOrIdle();
		}
	}

	private synchronized R nextOrIdle() {
		R next = this.stopped ? null : this.waiting.poll();
		if (next == null) {
			this.idle++;
		}
		return next;
	}

}
