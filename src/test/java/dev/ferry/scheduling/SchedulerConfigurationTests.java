package dev.ferry.scheduling;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ferry.scheduler.threads} sizes Quartz's worker pool, its default coming from
 * {@link SchedulerProperties}, and leaves the other {@code spring.quartz.properties} as
 * they are.
 */
class SchedulerConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuartzAutoConfiguration.class))
		.withUserConfiguration(Threads.class)
		.withPropertyValues("spring.quartz.auto-startup=false",
				"spring.quartz.properties.org.quartz.scheduler.instanceId=kept");

	@Test
	void fourWorkersByDefault() {
		this.runner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.getMetaData().getThreadPoolSize()).isEqualTo(4);
			assertThat(scheduler.getSchedulerInstanceId()).isEqualTo("kept");
		});
	}

	@Test
	void asManyWorkersAsConfigured() {
		this.runner.withPropertyValues("ferry.scheduler.threads=7").run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.getMetaData().getThreadPoolSize()).isEqualTo(7);
			assertThat(scheduler.getSchedulerInstanceId()).isEqualTo("kept");
		});
	}

	@Test
	void noWorkerIsRefusedWithTheSettingsName() {
		this.runner.withPropertyValues("ferry.scheduler.threads=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ferry.scheduler.threads must be at least 1"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SchedulerProperties.class)
	@Import(SchedulerConfiguration.class)
	static class Threads {

	}

}
