package dev.ferry.run;

import java.util.concurrent.atomic.AtomicLong;

import dev.ferry.archive.ArchiveProgress;

/**
 * Live counters of a run under way, written by the run's thread and read by the API and
 * the heartbeat.
 */
final class RunProgress implements ArchiveProgress {

	private volatile RunPhase phase = RunPhase.ARCHIVING;

	private volatile Long estimatedTotalBytes;

	private final AtomicLong filesArchived = new AtomicLong();

	private final AtomicLong bytesRead = new AtomicLong();

	private final AtomicLong bytesUploaded = new AtomicLong();

	@Override
	public void entryArchived() {
		this.filesArchived.incrementAndGet();
	}

	@Override
	public void bytesRead(long count) {
		this.bytesRead.addAndGet(count);
	}

	void bytesUploaded(long count) {
		this.bytesUploaded.addAndGet(count);
	}

	/** The run starts a step of its pipeline. */
	void enter(RunPhase phase) {
		this.phase = phase;
	}

	void estimatedTotalBytes(long bytes) {
		this.estimatedTotalBytes = bytes;
	}

	Snapshot snapshot() {
		return new Snapshot(this.phase, this.filesArchived.get(), this.bytesRead.get(), this.bytesUploaded.get(),
				this.estimatedTotalBytes);
	}

	/** The counters at one moment. */
	record Snapshot(RunPhase phase, long filesArchived, long bytesRead, long bytesUploaded, Long estimatedTotalBytes) {
	}

}
