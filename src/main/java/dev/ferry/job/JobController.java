package dev.ferry.job;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/jobs}: define, inspect, change, pause, resume and delete backup jobs.
 */
@RestController
@RequestMapping("/api/jobs")
class JobController {

	private final JobService jobs;

	JobController(JobService jobs) {
		this.jobs = jobs;
	}

	@GetMapping
	List<JobResponse> list() {
		return this.jobs.findAll().stream().map(this::response).toList();
	}

	@PostMapping
	ResponseEntity<JobResponse> create(@RequestBody JobRequest request) {
		BackupJob job = this.jobs.create(request);
		return ResponseEntity.created(URI.create("/api/jobs/" + job.getId())).body(response(job));
	}

	@GetMapping("/{id}")
	JobResponse get(@PathVariable long id) {
		return response(this.jobs.get(id));
	}

	@PutMapping("/{id}")
	JobResponse update(@PathVariable long id, @RequestBody JobRequest request) {
		return response(this.jobs.update(id, request));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.jobs.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/pause")
	JobResponse pause(@PathVariable long id) {
		return response(this.jobs.pause(id));
	}

	@PutMapping("/{id}/resume")
	JobResponse resume(@PathVariable long id) {
		return response(this.jobs.resume(id));
	}

	private JobResponse response(BackupJob job) {
		return JobResponse.of(job, this.jobs.nextFireTime(job.getId()).orElse(null));
	}

}
