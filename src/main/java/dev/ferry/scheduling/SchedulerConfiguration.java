package dev.ferry.scheduling;

import java.util.Properties;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives Quartz as many worker threads as {@code ferry.scheduler.threads} says.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	static final String THREAD_COUNT = "org.quartz.threadPool.threadCount";

	/**
	 * Boot has already handed {@code spring.quartz.properties} to the factory, which
	 * cannot give them back: they are handed over again, with the thread count.
	 */
	@Bean
	SchedulerFactoryBeanCustomizer schedulerThreads(SchedulerProperties scheduler, QuartzProperties quartz) {
		return (factory) -> {
			Properties properties = new Properties();
			properties.putAll(quartz.getProperties());
			properties.setProperty(THREAD_COUNT, String.valueOf(scheduler.threads()));
			factory.setQuartzProperties(properties);
		};
	}

}
