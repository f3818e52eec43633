package dev.ferry.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.system.FerryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users who may log in: those of {@code ferry.security.users}, plus {@code admin} and
 * {@code viewer} when their passwords come from the environment. When nobody is
 * configured at all, an admin password is generated at first start, printed once in the
 * log, and only its hash is kept in the data directory, as Jenkins does.
 */
final class FerryUsers {

	static final String GENERATED_FILE = "admin-password.bcrypt";

	private static final Logger log = LoggerFactory.getLogger(FerryUsers.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private FerryUsers() {
	}

	static InMemoryUserDetailsManager of(SecurityProperties properties, FerryProperties ferry) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		// by name: a password from the environment replaces a configured user of that
		// name
		Map<String, UserDetails> users = new LinkedHashMap<>();
		for (int i = 0; i < properties.users().size(); i++) {
			SecurityProperties.User user = properties.users().get(i);
			String field = "ferry.security.users[" + i + "]";
			if (user.name() == null || user.name().isBlank() || user.role() == null) {
				throw new IllegalStateException(field + " needs a name and a role (ADMIN or VIEWER)");
			}
			if (user.password() == null || !user.password().matches("\\{[a-z0-9_-]+\\}.+")) {
				throw new IllegalStateException(field + ".password must be a hash with its prefix, such as "
						+ "{bcrypt}$2a$10$..., or {noop}text for tests");
			}
			users.put(user.name(), user(user.name(), user.password(), user.role()));
		}
		if (properties.adminPassword() != null) {
			users.put("admin", user("admin", encoder.encode(properties.adminPassword()), Role.ADMIN));
		}
		if (properties.viewerPassword() != null) {
			users.put("viewer", user("viewer", encoder.encode(properties.viewerPassword()), Role.VIEWER));
		}
		if (users.isEmpty()) {
			users.put("admin", user("admin", generatedAdminHash(ferry.dataDir(), encoder), Role.ADMIN));
		}
		return new InMemoryUserDetailsManager(List.copyOf(users.values()));
	}

	private static UserDetails user(String name, String hash, Role role) {
		return User.withUsername(name).password(hash).roles(role.name()).build();
	}

	private static String generatedAdminHash(Path dataDir, PasswordEncoder encoder) {
		Path file = dataDir.resolve(GENERATED_FILE);
		try {
			if (Files.exists(file)) {
				log.info("User 'admin' logs in with the password generated at first start (its hash is in {}); "
						+ "set FERRY_ADMIN_PASSWORD to choose one", file.toAbsolutePath());
				return Files.readString(file).strip();
			}
			String password = generate();
			Files.createDirectories(dataDir);
			Files.writeString(OwnerOnly.create(file), encoder.encode(password) + "\n");
			log.warn("""

					*************************************************************
					No user is configured: generated a password for user 'admin':

					    {}

					It is shown only this once; only its hash is kept, in {}.
					Set FERRY_ADMIN_PASSWORD (or ferry.security.users) to choose your own.
					*************************************************************
					""", password, file.toAbsolutePath());
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the generated admin password in " + file, ex);
		}
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 24; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
