package dev.ferry.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.ferry.system.FerryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts secrets at rest: {@code FERRY_SECRET_KEY} (base64, 256 bits), or
 * else a key generated at first start in the data directory ({@value #KEY_FILE}, owner
 * only). A key of the wrong size or encoding stops the start with a message saying so.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeys {

	static final String KEY_FILE = "secret.key";

	private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

	@Bean
	SecretCipher secretCipher(SecurityProperties properties, FerryProperties ferry) {
		SecretKey current = (properties.secretKey() != null) ? parse(properties.secretKey(), "FERRY_SECRET_KEY")
				: fromDataDirectory(ferry.dataDir());
		SecretKey previous = (properties.secretKeyPrevious() != null)
				? parse(properties.secretKeyPrevious(), "FERRY_SECRET_KEY_PREVIOUS") : null;
		return new SecretCipher(current, previous);
	}

	static SecretKey parse(String base64, String name) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(name + " is not base64; create a key with: openssl rand -base64 32");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(name + " must be 256 bits (32 bytes, 44 base64 characters), got "
					+ bytes.length + " bytes; create one with: openssl rand -base64 32");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static SecretKey fromDataDirectory(Path dataDir) {
		Path file = dataDir.resolve(KEY_FILE);
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Files.createDirectories(dataDir);
				Files.writeString(OwnerOnly.create(file), Base64.getEncoder().encodeToString(key) + "\n");
				log.warn(
						"Generated the key that encrypts FTP passwords at rest: {}. Back it up with the database: "
								+ "without it the stored passwords cannot be read. Or set FERRY_SECRET_KEY.",
						file.toAbsolutePath());
			}
			return parse(Files.readString(file), file.toAbsolutePath().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the secret key " + file, ex);
		}
	}

}
