package dev.ferry.run;

import java.net.URI;

import dev.ferry.system.PageResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Run history ({@code /api/runs}), "run now" ({@code POST /api/jobs/{id}/runs}) and
 * cancel ({@code POST /api/runs/{id}/cancel}).
 */
@RestController
class RunController {

	private final RunService runs;

	private final BackupRunner runner;

	private final Liveness liveness;

	RunController(RunService runs, BackupRunner runner, Liveness liveness) {
		this.runs = runs;
		this.runner = runner;
		this.liveness = liveness;
	}

	@PostMapping("/api/jobs/{jobId}/runs")
	ResponseEntity<RunResponse> runNow(@PathVariable long jobId) {
		BackupRun run = this.runner.startManual(jobId);
		return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.getId())).body(response(run));
	}

	@GetMapping("/api/runs")
	PageResponse<RunResponse> list(@RequestParam(required = false) Long jobId,
			@RequestParam(required = false) RunStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageResponse.of(this.runs.find(jobId, status, page, size), this::response);
	}

	@GetMapping("/api/runs/{id}")
	RunResponse get(@PathVariable long id) {
		return response(this.runs.get(id));
	}

	@PostMapping("/api/runs/{id}/cancel")
	ResponseEntity<RunResponse> cancel(@PathVariable long id) {
		return ResponseEntity.accepted().body(response(this.runner.cancel(id)));
	}

	@GetMapping(path = "/api/runs/{id}/transcript", produces = MediaType.TEXT_PLAIN_VALUE)
	String transcript(@PathVariable long id) {
		return this.runs.transcript(id);
	}

	private RunResponse response(BackupRun run) {
		return RunResponse.of(run, this.liveness.progress(run.getId()).orElse(null));
	}

}
