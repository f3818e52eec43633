package dev.ferry.dashboard;

import java.util.ArrayList;
import java.util.List;

import dev.ferry.run.BackupRun;
import dev.ferry.run.RunStatus;

/**
 * The data of a job's chart: duration and archive size of its successful runs, oldest
 * first.
 *
 * @param labels start times (ISO, UTC)
 * @param seconds durations in seconds
 * @param megabytes archive sizes in MiB
 */
record Chart(List<String> labels, List<Double> seconds, List<Double> megabytes) {

	static Chart of(List<BackupRun> newestFirst) {
		List<String> labels = new ArrayList<>();
		List<Double> seconds = new ArrayList<>();
		List<Double> megabytes = new ArrayList<>();
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			BackupRun run = newestFirst.get(i);
			if (run.getStatus() != RunStatus.SUCCEEDED || run.getFinishedAt() == null) {
				continue;
			}
			labels.add(run.getStartedAt().toString());
			seconds.add(run.duration(run.getFinishedAt()).toMillis() / 1000.0);
			megabytes.add(Math.round(run.getBytesUploaded() / 1048.576) / 1000.0);
		}
		return new Chart(labels, seconds, megabytes);
	}

}
