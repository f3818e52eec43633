package dev.ferry.run;

import java.time.Instant;
import java.util.List;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.retention.RetentionPlan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/jobs/{id}/retention/preview}: what the job's retention would keep and
 * delete in its remote directory now, without deleting anything.
 */
@RestController
class RetentionController {

	private final JobService jobs;

	private final Pruning pruning;

	RetentionController(JobService jobs, Pruning pruning) {
		this.jobs = jobs;
		this.pruning = pruning;
	}

	@GetMapping("/api/jobs/{id}/retention/preview")
	Preview preview(@PathVariable long id) {
		BackupJob job = this.jobs.get(id);
		Pruning.Preview preview = this.pruning.preview(job);
		RetentionPlan plan = preview.plan();
		return new Preview(job.getTarget().getRemoteDir(), job.getRetention().isConfigured(),
				plan.keep().stream().map((k) -> new Kept(k.name(), k.time(), k.reasons())).toList(), plan.delete(),
				plan.ignored(), preview.note());
	}

	/**
	 * @param retention whether the job has a retention policy; without one everything is
	 * kept
	 * @param ignored files in the directory that are not the job's: never touched
	 * @param note why there is nothing to keep or delete, when the directory cannot be
	 * entered; otherwise {@code null}
	 */
	record Preview(String remoteDir, boolean retention, List<Kept> keep, List<String> delete, List<String> ignored,
			String note) {
	}

	record Kept(String name, Instant time, List<String> reasons) {
	}

}
