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
import dev.ferry.transfer.DirectoryMissingException;
import dev.ferry.transfer.FtpUploader;
import dev.ferry.transfer.RemoteDirectory;
import dev.ferry.transfer.TransferException;
import dev.ferry.transfer.Transcript;

import org.springframework.stereotype.Component;

/**
 * Applies a job's retention to its remote directory, and removes the partial uploads its
 * interrupted runs left: only files named like the job's own archives (and their checksum
 * files and leftover partial uploads) are ever deleted, never anything else in the
 * directory. Pruning never fails a run: what goes wrong becomes a warning.
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
	 * After a successful upload, on its connection: removes the partial uploads that
	 * interrupted runs of the job left (its own {@code .{archive}.part} names only), with
	 * or without a retention policy, then applies the retention policy if there is one.
	 * @param justUploaded the archive this run published: kept whatever the plan says
	 */
	Result prune(BackupJob job, BackupFileNames names, String justUploaded, RemoteDirectory directory,
			RunControl control, Transcript transcript) {
		List<String> present;
		try {
			present = directory.entries();
		}
		catch (TransferException ex) {
			return new Result(List.of(), List.of("Listing " + directory.remoteDir() + " failed, so neither partial "
					+ "uploads of earlier runs nor old archives were removed: " + ex.getMessage()));
		}
		List<String> deleted = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		List<String> leftovers = present.stream().filter(names::isLeftover).sorted().toList();
		delete(leftovers, "a partial upload of an earlier run", directory, control, deleted, warnings);
		if (!leftovers.isEmpty()) {
			transcript.status("Removed " + deleted.size() + " of " + leftovers.size()
					+ " partial uploads that interrupted runs of the job left");
		}
		if (!job.getRetention().isConfigured()) {
			return new Result(deleted, warnings);
		}
		RetentionPlan plan = RetentionPlanner.plan(policy(job.getRetention()), names, directory.entries(),
				job.getZone());
		List<String> old = new ArrayList<>();
		for (String name : plan.delete()) {
			if (name.equals(justUploaded) || name.equals(names.checksumName(justUploaded))) {
				warnings.add("Retention: kept " + name + ", the archive of this very run, although the policy "
						+ "would delete it: an archive in the directory is newer (is a clock wrong?)");
				continue;
			}
			old.add(name);
		}
		int before = deleted.size();
		delete(old, "an old archive", directory, control, deleted, warnings);
		transcript.status("Retention kept " + plan.keep().size() + " archives and deleted " + (deleted.size() - before)
				+ " files; " + plan.ignored().size() + " other files in the directory were left alone");
		return new Result(deleted, warnings);
	}

	/** Deletes the names, stopping at a cancel; what fails is a warning. */
	private static void delete(List<String> names, String what, RemoteDirectory directory, RunControl control,
			List<String> deleted, List<String> warnings) {
		for (int i = 0; i < names.size(); i++) {
			if (control.isCancelled()) {
				warnings.add("Retention: cancelled on request; " + (names.size() - i) + " files were not deleted");
				return;
			}
			try {
				directory.delete(names.get(i));
				deleted.add(names.get(i));
			}
			catch (TransferException ex) {
				warnings.add("Retention: could not delete " + names.get(i) + ", " + what + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * What retention would keep and delete now, from a fresh listing of the job's remote
	 * directory. Only looks: nothing on the server changes, not even a missing directory
	 * (then nothing is kept or deleted, and the note says why).
	 * @throws UpstreamException when the server cannot be listed
	 */
	Preview preview(BackupJob job) {
		BackupFileNames names = new BackupFileNames(job.getName(), job.getArchiveFormat().extension());
		try (RemoteDirectory directory = this.uploader.openExisting(job.ftpTarget(), new Transcript(),
				new Cancellation())) {
			return new Preview(
					RetentionPlanner.plan(policy(job.getRetention()), names, directory.listFileNames(), job.getZone()),
					null);
		}
		catch (DirectoryMissingException ex) {
			return new Preview(new RetentionPlan(List.of(), List.of(), List.of()),
					ex.getMessage() + ": there is nothing to keep or delete yet (the first run creates it)");
		}
		catch (TransferException ex) {
			throw new UpstreamException(ex.getMessage(), ex.phase().name(), ex);
		}
	}

	/**
	 * @param note why the plan is empty, or {@code null}
	 */
	record Preview(RetentionPlan plan, String note) {
	}

	/**
	 * @param deleted files retention deleted
	 * @param warnings what it could not do
	 */
	record Result(List<String> deleted, List<String> warnings) {

		static final Result NONE = new Result(List.of(), List.of());

	}

}
