package dev.ferry.dashboard;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.ferry.job.JobService;
import dev.ferry.run.RunService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview page: the jobs and the most recent runs, rendered on the server.
 */
@Controller
class DashboardController {

	static final int RECENT_RUNS = 50;

	private final JobService jobs;

	private final RunService runs;

	private final Clock clock;

	DashboardController(JobService jobs, RunService runs, Clock clock) {
		this.jobs = jobs;
		this.runs = runs;
		this.clock = clock;
	}

	@GetMapping("/")
	String overview(Model model, Principal user) {
		Instant now = this.clock.instant();
		List<JobRow> jobRows = this.jobs.findAll()
			.stream()
			.map((job) -> JobRow.of(job, this.jobs.nextFireTime(job.getId()).orElse(null)))
			.toList();
		List<RunRow> runRows = this.runs.recent(RECENT_RUNS).stream().map((run) -> RunRow.of(run, now)).toList();
		model.addAttribute("jobs", jobRows);
		model.addAttribute("runs", runRows);
		model.addAttribute("user", (user != null) ? user.getName() : null);
		return "dashboard";
	}

}
