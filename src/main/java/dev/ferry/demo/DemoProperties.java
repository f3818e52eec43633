package dev.ferry.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code demo} profile.
 *
 * @param ftpPort port of the embedded demo FTP server on 127.0.0.1 (0 picks a free one)
 * @param cron when the demo job runs
 */
@ConfigurationProperties("ferry.demo")
record DemoProperties(Integer ftpPort, String cron) {

	DemoProperties {
		if (ftpPort == null) {
			ftpPort = 2121;
		}
		if (cron == null || cron.isBlank()) {
			cron = "0 * * * * ?";
		}
	}

}
