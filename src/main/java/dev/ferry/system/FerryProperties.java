package dev.ferry.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide settings.
 *
 * @param dataDir Where the embedded H2 database (ferry.mv.db), the generated admin
 * password and secret key, and the demo's files live; relative paths start in the
 * directory Ferry starts in. From FERRY_DATA_DIR.
 */
@ConfigurationProperties("ferry")
public record FerryProperties(@DefaultValue("./data") Path dataDir) {

}
