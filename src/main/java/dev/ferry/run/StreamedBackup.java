package dev.ferry.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.archive.ArchiveSpec;
import dev.ferry.archive.ArchiveStats;
import dev.ferry.archive.Archiver;
import dev.ferry.job.BackupJob;
import dev.ferry.retention.BackupFileNames;
import dev.ferry.transfer.FtpTarget;
import dev.ferry.transfer.FtpUploader;
import dev.ferry.transfer.RemoteDirectory;
import dev.ferry.transfer.Transcript;
import dev.ferry.transfer.UploadNames;
import dev.ferry.transfer.UploadResult;

import org.springframework.stereotype.Component;

/**
 * The data path of a run: the archive is written straight into the FTP data connection
 * while it is built, verified by the server, published beside its checksum under a name
 * that was free, then what interrupted runs left is removed and old archives pruned, all
 * on one login. Nothing is staged on disk or in memory, so heap use does not depend on
 * the size of the backup. Each step reports its {@link RunPhase} as it starts.
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

	/**
	 * Backs a job up into its archive, named after the run (see {@link BackupFileNames});
	 * then removes what the job's interrupted uploads left and prunes old archives as its
	 * retention says.
	 */
	RunOutcome perform(BackupJob job, long runId, Instant startedAt, RunControl control, Transcript transcript) {
		BackupFileNames names = new BackupFileNames(job.getName(), job.getArchiveFormat().extension());
		UploadNames candidates = (n) -> (n < BackupFileNames.MAX_ALTERNATIVES) ? names.archiveName(startedAt, runId, n)
				: null;
		return perform(job.archiveSpec(), job.ftpTarget(), candidates, control, transcript,
				(directory, uploaded) -> this.pruning.prune(job, names, uploaded, directory, control, transcript));
	}

	/**
	 * Archives, uploads and verifies, then runs {@code afterUpload} on the same login.
	 */
	RunOutcome perform(ArchiveSpec spec, FtpTarget target, UploadNames names, RunControl control, Transcript transcript,
			AfterUpload afterUpload) {
		RunProgress progress = control.progress();
		progress.enter(RunPhase.ARCHIVING);
		// A missing source is the problem to report, even when the server is down too.
		this.archiver.checkSources(spec);
		progress.estimatedTotalBytes(this.archiver.estimate(spec).bytes());
		try (RemoteDirectory directory = this.uploader.open(target, transcript, control.cancellation())) {
			progress.enter(RunPhase.UPLOADING);
			ArchiveStream archive = new ArchiveStream(this.archiver, spec, control);
			// The server's checks start when the archive's last byte has left: the
			// transfer
			// side does not report that step itself yet (see docs/design.md).
			UploadResult upload = directory.upload(names, archive.andThen(() -> progress.enter(RunPhase.VERIFYING)));
			progress.enter(RunPhase.PRUNING);
			Pruning.Result pruned = afterUpload.apply(directory, upload.fileName());
			return outcome(archive.stats(), upload, pruned, progress);
		}
	}

	private static RunOutcome outcome(ArchiveStats archived, UploadResult upload, Pruning.Result pruned,
			RunProgress progress) {
		List<String> warnings = new ArrayList<>(archived.warnings());
		warnings.addAll(upload.warnings());
		warnings.addAll(pruned.warnings());
		return new RunOutcome(archived.filesArchived(), archived.bytesRead(), upload.bytesSent(),
				progress.snapshot().estimatedTotalBytes(), upload.remotePath(), upload.sha256(), upload.modeUsed(),
				upload.fallback(), upload.verification(), upload.checksumPath(), pruned.deleted(), warnings);
	}

	/** What a run does in the remote directory after its upload, on the same login. */
	@FunctionalInterface
	interface AfterUpload {

		/** Does nothing. */
		AfterUpload NOTHING = (directory, uploaded) -> Pruning.Result.NONE;

		/**
		 * @param uploaded the name the archive took
		 */
		Pruning.Result apply(RemoteDirectory directory, String uploaded);

	}

}
