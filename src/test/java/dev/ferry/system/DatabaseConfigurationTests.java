package dev.ferry.system;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import dev.ferry.FerryApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database is the H2 file {@code ferry} in {@code ferry.data-dir}, unless
 * {@code spring.datasource.url} names another one.
 */
class DatabaseConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withUserConfiguration(Database.class)
		.withPropertyValues("spring.datasource.username=sa");

	@Test
	void theDatabaseIsAFileInTheDataDirectory(@TempDir Path dataDir) {
		this.runner.withPropertyValues("ferry.data-dir=" + dataDir).run((context) -> {
			try (var connection = context.getBean(DataSource.class).getConnection()) {
				assertThat(connection.getMetaData().getURL()).isEqualTo("jdbc:h2:file:" + dataDir.resolve("ferry"));
			}
			assertThat(dataDir.resolve("ferry.mv.db")).isRegularFile();
		});
	}

	@Test
	void springDatasourceUrlNamesAnotherDatabase(@TempDir Path dataDir) {
		this.runner
			.withPropertyValues("ferry.data-dir=" + dataDir, "spring.datasource.url=jdbc:h2:mem:database-config-test")
			.run((context) -> {
				try (var connection = context.getBean(DataSource.class).getConnection()) {
					assertThat(connection.getMetaData().getURL()).isEqualTo("jdbc:h2:mem:database-config-test");
				}
				assertThat(dataDir).isEmptyDirectory();
			});
	}

	/**
	 * H2 refuses a path that is relative without saying so ({@code data/ferry} rather
	 * than {@code ./data/ferry}); FERRY_DATA_DIR=data must still work.
	 */
	@Test
	void aDataDirectoryRelativeToTheWorkingDirectoryWorksWithoutLeadingDot() throws Exception {
		Path relative = Path.of("target", "relative-data-dir-test");
		FileSystemUtils.deleteRecursively(relative);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FerryApplication.class).run(
				"--server.port=0", "--ferry.data-dir=" + relative, "--spring.quartz.scheduler-name=relative-data-dir",
				"--ferry.security.admin-password=relative-data-dir-pw")) {
			assertThat(Files.isRegularFile(relative.resolve("ferry.mv.db"))).as("ferry.mv.db in " + relative).isTrue();
		}
		finally {
			FileSystemUtils.deleteRecursively(relative);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(FerryProperties.class)
	@Import(DatabaseConfiguration.class)
	static class Database {

	}

}
