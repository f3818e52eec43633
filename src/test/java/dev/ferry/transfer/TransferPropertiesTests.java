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

	@Test
	void aTargetsOwnTimeoutsOverrideTheDefaultsAndZeroTurnsTheKeepAliveOff() {
		TransferProperties properties = new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(6),
				Duration.ofSeconds(7), Duration.ofSeconds(8));
		FtpTarget own = new FtpTarget("h", 21, "u", "p", "", null, null, null,
				new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO));
		FtpTarget none = new FtpTarget("h", 21, "u", "p", "", null, null);

		assertThat(properties.forTarget(own)).isEqualTo(new TransferProperties.EffectiveTimeouts(Duration.ofSeconds(1),
				Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ZERO));
		assertThat(properties.forTarget(none)).isEqualTo(new TransferProperties.EffectiveTimeouts(Duration.ofSeconds(5),
				Duration.ofSeconds(6), Duration.ofSeconds(7), Duration.ofSeconds(8)));
		assertThat(properties.forTarget(none).capped(Duration.ofSeconds(5)))
			.isEqualTo(new TransferProperties.EffectiveTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
					Duration.ofSeconds(5), Duration.ofSeconds(8)));
	}

	@Test
	void bindsTheKeepAliveAndAcceptsZeroForIt() {
		Binder binder = new Binder(
				new MapConfigurationPropertySource(Map.of("ferry.transfer.control-keep-alive", "0s")));

		assertThat(binder.bind("ferry.transfer", TransferProperties.class).get().controlKeepAlive())
			.isEqualTo(Duration.ZERO);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TransferProperties(null, null, null, Duration.ofSeconds(-1)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TransferProperties.class)
	@Import(FtpUploader.class)
	static class TransferConfiguration {

	}

}
