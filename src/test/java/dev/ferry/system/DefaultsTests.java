package dev.ferry.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each {@code ferry.*} default lives in one place, its properties record; the top-level
 * {@code application.yml} documents every setting with that default, and the jar's own
 * {@code application.yml} states no default at all. The records are found through the
 * configuration metadata that the build generates from them, so a new record or setting
 * is checked without being named here.
 */
class DefaultsTests {

	/**
	 * Settings without a default to state: users and secrets are the operator's, the
	 * instance id is the host's name.
	 */
	private static final Set<String> WITHOUT_DEFAULT = Set.of("ferry.security.users", "ferry.security.admin-password",
			"ferry.security.viewer-password", "ferry.security.secret-key", "ferry.security.secret-key-previous",
			"ferry.runs.instance-id");

	private static final List<JsonNode> METADATA = metadata();

	@Test
	void theTopLevelFileSaysWhatTheRecordsBindWithNoConfigurationAtAll() throws Exception {
		assertBindsTheDefaults(new FileSystemResource("application.yml"));
	}

	@Test
	void theJarWithNoVariableSetBindsTheDefaults() throws Exception {
		assertBindsTheDefaults(new ClassPathResource("application.yml"));
	}

	private static void assertBindsTheDefaults(Resource yaml) throws Exception {
		PropertySource<?> settings = ferrySettings(yaml);
		// the FERRY_* placeholders read as if the variables were not set, whatever this
		// machine's environment says
		Binder fromFile = new Binder(ConfigurationPropertySources.from(settings),
				new PropertySourcesPlaceholdersResolver(List.of(settings)));
		Binder withNothing = new Binder();

		List<JsonNode> groups = ferryEntries("groups");
		assertThat(groups).map((group) -> group.path("name").asString())
			.as("the records under ferry.*")
			.contains("ferry", "ferry.transfer", "ferry.runs", "ferry.security", "ferry.scheduler", "ferry.demo");
		for (JsonNode group : groups) {
			String prefix = group.path("name").asString();
			Class<?> record = Class.forName(group.path("type").asString());
			assertThat(fromFile.bindOrCreate(prefix, record)).as("%s as %s sets it", prefix, yaml.getDescription())
				.isEqualTo(withNothing.bindOrCreate(prefix, record));
		}
	}

	@Test
	void theTopLevelFileListsEverySettingAndNothingElse() throws IOException {
		Resource file = new FileSystemResource("application.yml");
		Set<String> documented = Set.of(ferrySettings(file).getPropertyNames());
		String text = file.getContentAsString(StandardCharsets.UTF_8);

		assertThat(properties()).allSatisfy((property) -> {
			String name = property.path("name").asString();
			if (property.path("type").asString().startsWith("java.util.List")) {
				// only as a commented example: even an empty list here would replace the
				// demo profile's users, since this file outranks the jar's profile files
				assertThat(text).as("an example of %s in the top-level application.yml", name)
					.containsPattern("#\\s+" + name.substring(name.lastIndexOf('.') + 1) + ":\\n");
			}
			else {
				assertThat(documented).as("settings of the top-level application.yml").contains(name);
			}
		});
		assertThat(documented)
			.as("ferry.* keys of the top-level application.yml that no record reads (misspelt, or removed)")
			.allSatisfy((key) -> assertThat(propertyNames()).contains(key.replaceFirst("\\[\\d+].*$", "")));
	}

	@Test
	void everySettingHasADescriptionAndADefaultForIDEs() {
		assertThat(properties()).allSatisfy((property) -> {
			String name = property.path("name").asString();
			assertThat(property.path("description").asString()).as("description of %s", name).isNotBlank();
			assertThat(property.has("defaultValue")).as("%s has a default", name)
				.isEqualTo(!WITHOUT_DEFAULT.contains(name));
		});
		assertThat(propertyNames()).containsAll(WITHOUT_DEFAULT);
	}

	@Test
	void theJarOnlyMapsTheDocumentedVariablesOntoTheirSettings() throws IOException {
		Map<String, String> inJar = values(ferrySettings(new ClassPathResource("application.yml")));
		Map<String, String> documented = values(ferrySettings(new FileSystemResource("application.yml")));

		assertThat(inJar).as("ferry.* settings of src/main/resources/application.yml")
			.containsOnlyKeys("ferry.data-dir", "ferry.security.admin-password", "ferry.security.viewer-password",
					"ferry.security.secret-key", "ferry.security.secret-key-previous");
		inJar.forEach((key, value) -> {
			assertThat(value).as("%s in the jar: a variable, and no default", key).matches("\\$\\{FERRY_[A-Z_]+:}");
			assertThat(documented.get(key)).as("%s in the top-level application.yml: the same variable", key)
				.startsWith(value.substring(0, value.length() - 1));
		});
	}

	private static List<JsonNode> properties() {
		return ferryEntries("properties");
	}

	private static Set<String> propertyNames() {
		return properties().stream().map((property) -> property.path("name").asString()).collect(Collectors.toSet());
	}

	/**
	 * The {@code ferry} entries of the metadata; every jar of Spring Boot has metadata of
	 * its own under the same name.
	 */
	private static List<JsonNode> ferryEntries(String kind) {
		List<JsonNode> entries = METADATA.stream()
			.flatMap((metadata) -> metadata.path(kind).valueStream())
			.filter((entry) -> entry.path("name").asString().matches("ferry(\\..+)?"))
			.toList();
		assertThat(entries)
			.as("ferry %s in META-INF/spring-configuration-metadata.json, written by "
					+ "spring-boot-configuration-processor", kind)
			.isNotEmpty();
		return entries;
	}

	private static List<JsonNode> metadata() {
		try {
			List<JsonNode> metadata = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
				try (InputStream in = resource.getInputStream()) {
					metadata.add(JsonMapper.builder().build().readTree(in));
				}
			}
			return metadata;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The file's {@code ferry.*} settings, flattened as Spring Boot reads them. */
	private static EnumerablePropertySource<?> ferrySettings(Resource yaml) throws IOException {
		assertThat(yaml.exists()).as(yaml.getDescription()).isTrue();
		List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(yaml.getDescription(), yaml);
		assertThat(documents).as("documents in %s", yaml.getDescription()).hasSize(1);
		EnumerablePropertySource<?> all = (EnumerablePropertySource<?>) documents.get(0);
		Map<String, Object> ferry = new TreeMap<>();
		for (String name : all.getPropertyNames()) {
			if (name.startsWith("ferry.")) {
				ferry.put(name, all.getProperty(name));
			}
		}
		return new MapPropertySource(yaml.getDescription(), ferry);
	}

	private static Map<String, String> values(EnumerablePropertySource<?> settings) {
		Map<String, String> values = new TreeMap<>();
		for (String name : settings.getPropertyNames()) {
			values.put(name, String.valueOf(settings.getProperty(name)));
		}
		return values;
	}

}
