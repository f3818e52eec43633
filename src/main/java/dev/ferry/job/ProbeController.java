package dev.ferry.job;

import dev.ferry.transfer.FtpProbe;
import dev.ferry.transfer.ProbeReport;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Test connection": tries a target's connection, TLS and login, then a small upload in
 * each of PASV, EPSV, PORT and EPRT, and tells which one works and why the others do not.
 */
@RestController
class ProbeController {

	private final JobService jobs;

	private final TargetValidator validator;

	private final FtpProbe probe;

	ProbeController(JobService jobs, TargetValidator validator, FtpProbe probe) {
		this.jobs = jobs;
		this.validator = validator;
		this.probe = probe;
	}

	@PostMapping("/api/targets/probe")
	ProbeReport probeTarget(@RequestBody TargetRequest target) {
		this.validator.validate(target);
		return this.probe.probe(new JobTarget(target, target.password()).toFtpTarget());
	}

	@PostMapping("/api/jobs/{id}/probe")
	ProbeReport probeJob(@PathVariable long id) {
		return this.jobs.probe(id);
	}

}
