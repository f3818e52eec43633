package dev.ferry.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code demo} profile.
 *
 * @param ftpPort Only with the demo profile: port of the embedded FTP server on 127.0.0.1
 * (0 = any free port).
 * @param cron Only with the demo profile: when the demo job runs (Quartz cron, or a
 * 5-field crontab line).
 */
@ConfigurationProperties("ferry.demo")
record DemoProperties(@DefaultValue("2121") int ftpPort, @DefaultValue(CRON) String cron) {

	static final String CRON = "0 * * * * ?";

	DemoProperties {
		if (cron.isBlank()) {
			cron = CRON;
		}
	}

}
