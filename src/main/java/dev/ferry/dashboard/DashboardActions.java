package dev.ferry.dashboard;

import dev.ferry.job.JobService;
import dev.ferry.run.BackupRun;
import dev.ferry.run.BackupRunner;
import dev.ferry.run.RunQueueFullException;
import dev.ferry.system.ConflictException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The dashboard's buttons, for admins (the security configuration refuses the others):
 * run now, pause, resume, test connection, cancel. Each answers with a page, so they work
 * without JavaScript.
 */
@Controller
class DashboardActions {

	private final JobService jobs;

	private final BackupRunner runner;

	private final DashboardController pages;

	DashboardActions(JobService jobs, BackupRunner runner, DashboardController pages) {
		this.jobs = jobs;
		this.runner = runner;
		this.pages = pages;
	}

	/**
	 * Starts or queues a run and shows it; shows the run that holds the job instead, or
	 * the job page saying the queue is full.
	 */
	@PostMapping("/jobs/{id}/run")
	String runNow(@PathVariable long id, Model model, Authentication user, HttpServletResponse response) {
		try {
			BackupRun run = this.runner.startManual(id);
			return "redirect:/runs/" + run.getId();
		}
		catch (ConflictException ex) {
			Object running = ex.properties().get("runId");
			return (running != null) ? "redirect:/runs/" + running : "redirect:/jobs/" + id;
		}
		catch (RunQueueFullException ex) {
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("notice", ex.getMessage());
			return this.pages.job(id, model, user);
		}
	}

	@PostMapping("/jobs/{id}/pause")
	String pause(@PathVariable long id) {
		this.jobs.pause(id);
		return "redirect:/jobs/" + id;
	}

	@PostMapping("/jobs/{id}/resume")
	String resume(@PathVariable long id) {
		this.jobs.resume(id);
		return "redirect:/jobs/" + id;
	}

	@PostMapping("/jobs/{id}/probe")
	String probe(@PathVariable long id, Model model, Authentication user) {
		model.addAttribute("probe", this.jobs.probe(id));
		return this.pages.job(id, model, user);
	}

	@PostMapping("/runs/{id}/cancel")
	String cancel(@PathVariable long id) {
		try {
			this.runner.cancel(id);
		}
		catch (ConflictException ex) {
			// it ended meanwhile: its page says how
		}
		return "redirect:/runs/" + id;
	}

}
