package dev.ferry.run;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.ferry.archive.ArchiveSpec;
import dev.ferry.archive.ArchiveStats;
import dev.ferry.archive.Archiver;
import dev.ferry.job.BackupJob;
import dev.ferry.retention.BackupFileNames;
import dev.ferry.transfer.Cancellation;
import dev.ferry.transfer.FtpTarget;
import dev.ferry.transfer.FtpUploader;
import dev.ferry.transfer.RemoteDirectory;
import dev.ferry.transfer.Transcript;
import dev.ferry.transfer.UploadResult;

import org.springframework.stereotype.Component;

/**
 * The data path of a run: the archive is written straight into the FTP data connection
 * while it is built, verified by the server, published under its final name beside its
 * checksum, and old archives pruned, all on one login. Nothing is staged on disk or in
 * memory, so heap use does not depend on the size of the backup.
 */
@Component
class StreamedBackup {

	private final Archiver archiver;

	private final FtpUploader uploader;

	private final Pruning pruning;

	StreamedBackup(Archiver archiver, FtpUploader uploader, Pruning pruning) {
		this.archiver = archiver;
		this.uploader = uploader;
		this.pruning = pruning;
	}

	RunOutcome perform(BackupJob job, Instant startedAt, RunControl control, Transcript transcript) {
		BackupFileNames names = new BackupFileNames(job.getName(), job.getArchiveFormat().extension());
		String fileName = names.archiveName(startedAt);
		return perform(job.archiveSpec(), job.ftpTarget(), fileName, control, transcript,
				(directory) -> this.pruning.prune(job, names, fileName, directory, control, transcript));
	}

	/**
	 * Archives, uploads and verifies, then runs {@code afterUpload} on the same login.
	 */
	RunOutcome perform(ArchiveSpec spec, FtpTarget target, String fileName, RunControl control, Transcript transcript,
			Function<RemoteDirectory, Pruning.Result> afterUpload) {
		RunProgress progress = control.progress();
		// A missing source is the problem to report, even when the server is down too.
		this.archiver.checkSources(spec);
		progress.estimatedTotalBytes(this.archiver.estimate(spec).bytes());
		try (RemoteDirectory directory = this.uploader.open(target, transcript, control.cancellation())) {
			AtomicReference<ArchiveStats> stats = new AtomicReference<>();
			UploadResult upload = directory.upload(fileName, (out) -> {
				progress.phase(RunPhase.UPLOADING);
				Watched watched = new Watched(out, progress, control.cancellation());
				stats.set(this.archiver.write(spec, watched, progress));
				watched.flush();
				progress.phase(RunPhase.VERIFYING);
			});
			Pruning.Result pruned = afterUpload.apply(directory);
			ArchiveStats archived = stats.get();
			List<String> warnings = new ArrayList<>(archived.warnings());
			warnings.addAll(pruned.warnings());
			return new RunOutcome(archived.filesArchived(), archived.bytesRead(), upload.bytesSent(),
					progress.snapshot().estimatedTotalBytes(), upload.remotePath(), upload.sha256(),
					upload.modeUsed().name(), upload.fallback(), upload.verification(), upload.checksumPath(),
					pruned.deleted(), warnings);
		}
	}

	/**
	 * Counts the bytes going to the server, and stops the archive at the next write once
	 * the run is cancelled.
	 */
	private static final class Watched extends FilterOutputStream {

		private final RunProgress progress;

		private final Cancellation cancellation;

		Watched(OutputStream out, RunProgress progress, Cancellation cancellation) {
			super(out);
			this.progress = progress;
			this.cancellation = cancellation;
		}

		@Override
		public void write(int b) throws IOException {
			check();
			this.out.write(b);
			this.progress.bytesUploaded(1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			check();
			this.out.write(b, off, len);
			this.progress.bytesUploaded(len);
		}

		private void check() throws InterruptedIOException {
			if (this.cancellation.isCancelled()) {
				throw new InterruptedIOException("the run was cancelled");
			}
		}

	}

}
