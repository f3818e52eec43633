package dev.ferry.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-wide settings.
 *
 * @param dataDir where the embedded database and other state live
 * ({@code FERRY_DATA_DIR})
 */
@ConfigurationProperties("ferry")
public record FerryProperties(Path dataDir) {

	public FerryProperties {
		if (dataDir == null) {
			dataDir = Path.of("data");
		}
	}

}
