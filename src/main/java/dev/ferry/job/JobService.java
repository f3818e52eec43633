package dev.ferry.job;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ferry.system.ConflictException;
import dev.ferry.transfer.DataCommand;
import dev.ferry.transfer.FtpProbe;
import dev.ferry.transfer.ProbeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines, changes and removes backup jobs, keeping each job's schedule in step within
 * the same transaction.
 */
@Service
public class JobService {

	private static final Logger log = LoggerFactory.getLogger(JobService.class);

	private final JobRepository jobs;

	private final JobValidator validator;

	private final JobScheduler scheduler;

	private final Clock clock;

	private final FtpProbe probe;

	JobService(JobRepository jobs, JobValidator validator, JobScheduler scheduler, Clock clock, FtpProbe probe) {
		this.jobs = jobs;
		this.validator = validator;
		this.scheduler = scheduler;
		this.clock = clock;
		this.probe = probe;
	}

	/**
	 * Tries the job's target: connection, TLS, login, and each data-connection command.
	 */
	public ProbeReport probe(long id) {
		return this.probe.probe(get(id).ftpTarget());
	}

	@Transactional(readOnly = true)
	public List<BackupJob> findAll() {
		return this.jobs.findAllByOrderByNameAsc();
	}

	@Transactional(readOnly = true)
	public BackupJob get(long id) {
		return this.jobs.findById(id).orElseThrow(() -> new JobNotFoundException(id));
	}

	/** The job, if it (still) exists. */
	@Transactional(readOnly = true)
	public Optional<BackupJob> find(long id) {
		return this.jobs.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<BackupJob> findByName(String name) {
		return this.jobs.findByName(name);
	}

	@Transactional
	public BackupJob create(JobRequest request) {
		this.validator.validate(request);
		requireUniqueName(request.name(), null);
		Instant now = this.clock.instant();
		BackupJob job = new BackupJob(now);
		job.define(request, now);
		job = this.jobs.saveAndFlush(job);
		this.scheduler.sync(job);
		log.info("Created job '{}' (id {}): {} -> {}", job.getName(), job.getId(), job.getSources(), job.getTarget());
		return job;
	}

	@Transactional
	public BackupJob update(long id, JobRequest request) {
		BackupJob job = get(id);
		this.validator.validate(request, job.getTarget());
		requireUniqueName(request.name(), id);
		job.define(request, this.clock.instant());
		job = this.jobs.saveAndFlush(job);
		this.scheduler.sync(job);
		log.info("Updated job '{}' (id {})", job.getName(), id);
		return job;
	}

	@Transactional
	public void delete(long id) {
		BackupJob job = get(id);
		this.jobs.delete(job);
		this.scheduler.remove(id);
		log.info("Deleted job '{}' (id {})", job.getName(), id);
	}

	@Transactional
	public BackupJob pause(long id) {
		return setEnabled(id, false);
	}

	@Transactional
	public BackupJob resume(long id) {
		return setEnabled(id, true);
	}

	/**
	 * Remembers the data-connection command of a job's last successful upload: AUTO mode
	 * tries it first next time. Forgotten when the job's target changes.
	 */
	@Transactional
	public void rememberDataCommand(long id, DataCommand command) {
		this.jobs.rememberDataCommand(id, command);
	}

	public Optional<Instant> nextFireTime(long id) {
		return this.scheduler.nextFireTime(id);
	}

	public Optional<Instant> previousFireTime(long id) {
		return this.scheduler.previousFireTime(id);
	}

	private BackupJob setEnabled(long id, boolean enabled) {
		BackupJob job = get(id);
		job.setEnabled(enabled, this.clock.instant());
		job = this.jobs.saveAndFlush(job);
		this.scheduler.sync(job);
		log.info("{} job '{}' (id {})", enabled ? "Resumed" : "Paused", job.getName(), id);
		return job;
	}

	private void requireUniqueName(String name, Long ownId) {
		this.jobs.findByName(name).filter((other) -> !other.getId().equals(ownId)).ifPresent((other) -> {
			throw new ConflictException("A job named '" + name + "' already exists (id " + other.getId() + ")",
					Map.of("field", "name", "existingJobId", other.getId()));
		});
	}

}
