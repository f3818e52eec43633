package dev.ferry.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.ferry.job.BackupJob;
import dev.ferry.job.JobRequest;
import dev.ferry.job.JobRequest.RetentionRequest;
import dev.ferry.job.JobRequest.RetryRequest;
import dev.ferry.job.JobRequest.ScheduleRequest;
import dev.ferry.job.TargetRequest;
import dev.ferry.job.JobService;
import dev.ferry.run.BackupRunner;
import dev.ferry.system.ConflictException;
import dev.ferry.transfer.FileType;
import dev.ferry.transfer.TransferMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Seeds the demo: a sample folder, the job {@code demo} pointing at the embedded FTP
 * server, and a first run right away.
 */
class DemoJob {

	static final String NAME = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoJob.class);

	private final Path demoDir;

	private final DemoProperties properties;

	private final EmbeddedFtpServer server;

	private final JobService jobs;

	private final BackupRunner runner;

	DemoJob(Path demoDir, DemoProperties properties, EmbeddedFtpServer server, JobService jobs, BackupRunner runner) {
		this.demoDir = demoDir;
		this.properties = properties;
		this.server = server;
		this.jobs = jobs;
		this.runner = runner;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		Path sample = createSample(this.demoDir.resolve("sample"));
		JobRequest request = new JobRequest(NAME, List.of(sample.toString()), List.of("**/*.tmp"), null,
				new TargetRequest("127.0.0.1", this.server.port(), DemoConfiguration.USER, DemoConfiguration.USER,
						"/backups", TransferMode.PASSIVE, FileType.BINARY),
				new ScheduleRequest(this.properties.cron(), "UTC"), true, new RetryRequest(2, 30),
				// Every minute makes many archives: keep the last ten and one per day.
				new RetentionRequest(10, null, 7, null, null, null));
		BackupJob job = this.jobs.findByName(NAME)
			.map((existing) -> this.jobs.update(existing.getId(), request))
			.orElseGet(() -> this.jobs.create(request));
		log.info("Demo: FTP server on 127.0.0.1:{} (user '{}'), backing up {} on '{}'; archives land in {}",
				this.server.port(), DemoConfiguration.USER, sample, this.properties.cron(),
				this.demoDir.resolve("ftp/backups"));
		try {
			this.runner.startManual(job.getId());
		}
		catch (ConflictException ex) {
			log.info("Demo: {}", ex.getMessage());
		}
	}

	private static Path createSample(Path sample) {
		try {
			if (Files.isDirectory(sample)) {
				return sample;
			}
			Files.createDirectories(sample.resolve("docs"));
			Files.createDirectories(sample.resolve("empty"));
			Files.writeString(sample.resolve("README.txt"),
					"This folder is backed up by Ferry's demo job every minute.\n", StandardCharsets.UTF_8);
			Files.writeString(sample.resolve("docs/notes-über.md"), "# Notes\n\nNon-ASCII names survive too.\n",
					StandardCharsets.UTF_8);
			Files.writeString(sample.resolve("docs/scratch.tmp"), "excluded by the job's **/*.tmp pattern\n",
					StandardCharsets.UTF_8);
			Files.createSymbolicLink(sample.resolve("latest-notes"), Path.of("docs/notes-über.md"));
			return sample;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the demo's sample folder " + sample, ex);
		}
	}

}
