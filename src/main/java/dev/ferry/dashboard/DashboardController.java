package dev.ferry.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobService;
import dev.ferry.run.BackupRun;
import dev.ferry.run.RunService;
import dev.ferry.run.RunStatus;
import dev.ferry.system.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's pages, server-rendered: the overview, the run history, a run and a job.
 * They read through the same services as the API and work without JavaScript; scripts
 * only refresh a running run and draw the job's chart. No page counts the history: they
 * read the newest runs, and the history pages by their neighbours' ids, from indexes.
 */
@Controller
class DashboardController {

	static final int RECENT_RUNS = 20;

	static final int PAGE_SIZE = 25;

	private final JobService jobs;

	private final RunService runs;

	private final Clock clock;

	private final PageFormat format;

	DashboardController(JobService jobs, RunService runs, Clock clock, PageFormat format) {
		this.jobs = jobs;
		this.runs = runs;
		this.clock = clock;
		this.format = format;
	}

	@GetMapping("/")
	String overview(Model model, Authentication user) {
		Instant now = this.clock.instant();
		List<JobRow> jobRows = this.jobs.findAll().stream().map((job) -> row(job, now)).toList();
		Instant dayAgo = now.minus(Duration.ofHours(24));
		model.addAttribute("jobs", jobRows);
		model.addAttribute("runs",
				this.runs.latest(null, RECENT_RUNS).stream().map((run) -> RunRow.of(run, now)).toList());
		Map<RunStatus, Long> lastDay = this.runs.countsSince(dayAgo);
		model.addAttribute("runs24h", lastDay.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("failures24h", lastDay.getOrDefault(RunStatus.FAILED, 0L));
		Viewer.addTo(model, user);
		return "dashboard";
	}

	/**
	 * The history, {@value #PAGE_SIZE} runs a page: {@code before} an id for older runs,
	 * {@code after} an id for newer ones.
	 */
	@GetMapping("/runs")
	String history(@RequestParam(required = false) Long job, @RequestParam(required = false) RunStatus status,
			@RequestParam(required = false) Long before, @RequestParam(required = false) Long after, Model model,
			Authentication user) {
		Instant now = this.clock.instant();
		RunService.RunPage found = this.runs.history(job, status, before, after, PAGE_SIZE);
		model.addAttribute("runs", found.runs().stream().map((run) -> RunRow.of(run, now)).toList());
		model.addAttribute("page", found);
		model.addAttribute("jobs", this.jobs.findAll());
		model.addAttribute("job", job);
		model.addAttribute("status", status);
		model.addAttribute("statuses", RunStatus.values());
		Viewer.addTo(model, user);
		return "runs";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model, Authentication user) {
		addRun(id, model);
		model.addAttribute("transcript", this.runs.transcript(id));
		Viewer.addTo(model, user);
		return "run";
	}

	/** The part of a run's page that changes while it runs, for the page to refresh. */
	@GetMapping("/runs/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		addRun(id, model);
		return "run :: progress";
	}

	@GetMapping("/jobs/{id}")
	String job(@PathVariable long id, Model model, Authentication user) {
		Instant now = this.clock.instant();
		BackupJob job = this.jobs.get(id);
		List<BackupRun> recent = this.runs.latest(id, 50);
		model.addAttribute("job", JobView.of(job, this.jobs.nextFireTime(id).orElse(null)));
		model.addAttribute("row", row(job, now));
		model.addAttribute("runs", recent.stream().map((run) -> RunRow.of(run, now)).toList());
		Chart chart = Chart.of(recent);
		model.addAttribute("chart", chart);
		model.addAttribute("chartJson", this.format.json(chart));
		Viewer.addTo(model, user);
		return "job";
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, Model model, HttpServletResponse response) {
		response.setStatus(404);
		model.addAttribute("message", ex.getMessage());
		return "error/404";
	}

	private void addRun(long id, Model model) {
		Instant now = this.clock.instant();
		BackupRun run = this.runs.get(id);
		RunService.LiveProgress progress = this.runs.progress(run);
		model.addAttribute("run", run);
		model.addAttribute("row", RunRow.of(run, now, progress.phase()));
		model.addAttribute("progress", progress);
	}

	private JobRow row(BackupJob job, Instant now) {
		long id = job.getId();
		return JobRow.of(job, this.jobs.nextFireTime(id).orElse(null), this.jobs.previousFireTime(id).orElse(null),
				this.runs.latest(id, 10), this.runs.lastSuccess(id).orElse(null), now);
	}

}
