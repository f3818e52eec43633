package dev.ferry.system;

import java.nio.file.Path;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database is the embedded H2 file {@code ferry} in the data directory, unless
 * {@code spring.datasource.url} names another one. Stated here rather than as
 * {@code ${ferry.data-dir}} in application.yml, because the data directory's default
 * lives in {@link FerryProperties}, which a placeholder cannot see.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	JdbcConnectionDetails jdbcConnectionDetails(DataSourceProperties properties, FerryProperties ferry) {
		return new Details(properties, ferry.dataDir());
	}

	/**
	 * Boot's own connection details, with the data directory's file as the URL when none
	 * is set.
	 */
	record Details(DataSourceProperties properties, Path dataDir) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			// absolute: H2 refuses a path that is only implicitly relative ("data/ferry")
			return (this.properties.getUrl() != null) ? this.properties.getUrl()
					: "jdbc:h2:file:" + this.dataDir.toAbsolutePath().normalize().resolve("ferry");
		}

		@Override
		public String getDriverClassName() {
			return (this.properties.getDriverClassName() != null) ? this.properties.getDriverClassName()
					: JdbcConnectionDetails.super.getDriverClassName();
		}

		@Override
		public String getUsername() {
			return this.properties.determineUsername();
		}

		@Override
		public String getPassword() {
			return this.properties.determinePassword();
		}

	}

}
