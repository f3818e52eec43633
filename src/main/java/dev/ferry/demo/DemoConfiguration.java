package dev.ferry.demo;

import java.io.IOException;
import java.nio.file.Path;

import dev.ferry.job.JobService;
import dev.ferry.run.BackupRunner;
import dev.ferry.system.FerryProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code demo} profile: an FTP server inside the service and a job that backs up a
 * sample folder to it every minute, so that a newcomer sees a backup land without owning
 * an FTP server.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoConfiguration {

	static final String USER = "demo";

	@Bean(destroyMethod = "close")
	EmbeddedFtpServer demoFtpServer(FerryProperties ferry, DemoProperties demo) throws IOException {
		EmbeddedFtpServer server = EmbeddedFtpServer.builder()
			.rootDirectory(demoDir(ferry).resolve("ftp"))
			.user(USER, USER)
			.port(demo.ftpPort())
			.build();
		server.start();
		return server;
	}

	@Bean
	DemoJob demoJob(FerryProperties ferry, DemoProperties demo, EmbeddedFtpServer demoFtpServer, JobService jobs,
			BackupRunner runner) {
		return new DemoJob(demoDir(ferry), demo, demoFtpServer, jobs, runner);
	}

	static Path demoDir(FerryProperties ferry) {
		return ferry.dataDir().toAbsolutePath().normalize().resolve("demo");
	}

}
