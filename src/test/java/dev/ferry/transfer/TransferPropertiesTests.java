package dev.ferry.transfer;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TransferPropertiesTests {

	@Test
	void defaultsAreFinite() {
		assertThat(TransferProperties.defaults()).isEqualTo(new TransferProperties(Duration.ofSeconds(30),
				Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(120)));
	}

	@Test
	void bindsFromFerryTransferAndDefaultsTheRest() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("ferry.transfer.connect-timeout", "5s", "ferry.transfer.data-timeout", "2m")));

		TransferProperties properties = binder.bind("ferry.transfer", TransferProperties.class).get();

		assertThat(properties)
			.isEqualTo(new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(2)));
	}

	@Test
	void uploaderBeanIsBuiltFromBoundProperties() {
		new ApplicationContextRunner().withUserConfiguration(TransferConfiguration.class)
			.withPropertyValues("ferry.transfer.control-timeout=15s")
			.run((context) -> {
				assertThat(context).hasSingleBean(FtpUploader.class);
				assertThat(context.getBean(TransferProperties.class).controlTimeout())
					.isEqualTo(Duration.ofSeconds(15));
			});
	}

	@Test
	void rejectsZeroBecauseCommonsNetReadsItAsForever() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TransferProperties(Duration.ZERO, null, null))
			.withMessageContaining("ferry.transfer.connectTimeout");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TransferProperties.class)
	@Import(FtpUploader.class)
	static class TransferConfiguration {

	}

}
