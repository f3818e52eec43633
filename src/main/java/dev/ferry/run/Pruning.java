package dev.ferry.run;

import java.util.ArrayList;
import java.util.List;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobRetention;
import dev.ferry.retention.BackupFileNames;
import dev.ferry.retention.RetentionPlan;
import dev.ferry.retention.RetentionPlanner;
import dev.ferry.retention.RetentionPolicy;
import dev.ferry.system.UpstreamException;
import dev.ferry.transfer.Cancellation;
import dev.ferry.transfer.FtpUploader;
import dev.ferry.transfer.RemoteDirectory;
import dev.ferry.transfer.TransferException;
import dev.ferry.transfer.Transcript;

import org.springframework.stereotype.Component;

/**
 * Applies a job's retention to its remote directory: only files named like the job's own
 * archives (and their checksum files and leftover partial uploads) are ever deleted,
 * never anything else in the directory. Pruning never fails a run: what goes wrong
 * becomes a warning.
 */
@Component
class Pruning {

	private final FtpUploader uploader;

	Pruning(FtpUploader uploader) {
		this.uploader = uploader;
	}

	static RetentionPolicy policy(JobRetention r) {
		return new RetentionPolicy(r.getKeepLast(), r.getKeepHourly(), r.getKeepDaily(), r.getKeepWeekly(),
				r.getKeepMonthly(), r.getKeepYearly());
	}

	/**
	 * Prunes after a successful upload, on its connection.
	 * @param justUploaded the archive this run published: kept whatever the plan says
	 */
	Result prune(BackupJob job, BackupFileNames names, String justUploaded, RemoteDirectory directory,
			RunControl control, Transcript transcript) {
		if (!job.getRetention().isConfigured()) {
			return Result.NONE;
		}
		control.progress().phase(RunPhase.PRUNING);
		List<String> warnings = new ArrayList<>();
		RetentionPlan plan;
		try {
			plan = RetentionPlanner.plan(policy(job.getRetention()), names, directory.listFileNames(), job.getZone());
		}
		catch (TransferException ex) {
			return new Result(List.of(), List.of("Retention: listing " + directory.remoteDir()
					+ " failed, so nothing was pruned: " + ex.getMessage()));
		}
		List<String> deleted = new ArrayList<>();
		for (String name : plan.delete()) {
			if (name.equals(justUploaded) || name.equals(names.checksumName(justUploaded))) {
				warnings.add("Retention: kept " + name + ", the archive of this very run, although the policy "
						+ "would delete it: an archive in the directory is newer (is a clock wrong?)");
				continue;
			}
			if (control.isCancelled()) {
				warnings.add("Retention: cancelled on request; " + (plan.delete().size() - deleted.size())
						+ " old files were not pruned");
				break;
			}
			try {
				directory.delete(name);
				deleted.add(name);
			}
			catch (TransferException ex) {
				warnings.add("Retention: could not delete " + name + ": " + ex.getMessage());
			}
		}
		transcript.status("Retention kept " + plan.keep().size() + " archives and deleted " + deleted.size()
				+ " files; " + plan.ignored().size() + " other files in the directory were left alone");
		return new Result(deleted, warnings);
	}

	/**
	 * What retention would keep and delete now, from a fresh listing of the job's remote
	 * directory. Deletes nothing.
	 * @throws UpstreamException when the server cannot be listed
	 */
	RetentionPlan preview(BackupJob job) {
		BackupFileNames names = new BackupFileNames(job.getName(), job.getArchiveFormat().extension());
		try (RemoteDirectory directory = this.uploader.open(job.ftpTarget(), new Transcript(), new Cancellation())) {
			return RetentionPlanner.plan(policy(job.getRetention()), names, directory.listFileNames(), job.getZone());
		}
		catch (TransferException ex) {
			throw new UpstreamException(ex.getMessage(), ex.phase().name(), ex);
		}
	}

	/**
	 * @param deleted files retention deleted
	 * @param warnings what it could not do
	 */
	record Result(List<String> deleted, List<String> warnings) {

		static final Result NONE = new Result(List.of(), List.of());

	}

}
