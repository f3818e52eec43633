package dev.ferry.system;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar carries the defaults that the top-level {@code application.yml} documents: the
 * {@code ferry.*} settings of both files are the same keys with the same values,
 * environment placeholders included. Keys are read from the files, so a setting added to
 * one file and not the other fails here.
 */
class DefaultsTests {

	@Test
	void theJarCarriesEveryDocumentedSettingWithItsDocumentedDefault() throws IOException {
		Map<String, String> documented = ferrySettings(new FileSystemResource("application.yml"));
		Map<String, String> inJar = ferrySettings(new ClassPathResource("application.yml"));
		assertThat(documented).as("ferry.* settings of the top-level application.yml")
			.containsKeys("ferry.data-dir", "ferry.security.admin-password", "ferry.security.secret-key");
		assertThat(inJar).as("ferry.* settings of src/main/resources/application.yml").containsAllEntriesOf(documented);
		assertThat(inJar.keySet())
			.as("ferry.* settings of src/main/resources/application.yml that the top-level "
					+ "application.yml does not document")
			.isSubsetOf(documented.keySet());
	}

	/** The file's {@code ferry.*} settings, flattened as Spring Boot reads them. */
	private static Map<String, String> ferrySettings(Resource yaml) throws IOException {
		assertThat(yaml.exists()).as(yaml.getDescription()).isTrue();
		Map<String, String> settings = new TreeMap<>();
		for (PropertySource<?> document : new YamlPropertySourceLoader().load(yaml.getDescription(), yaml)) {
			EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) document;
			for (String name : properties.getPropertyNames()) {
				if (name.startsWith("ferry.")) {
					settings.put(name, String.valueOf(properties.getProperty(name)));
				}
			}
		}
		return settings;
	}

}
