package dev.ferry.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users and secrets, under {@code ferry.security}.
 *
 * @param users Users who may log in: a name, a password hash with its prefix
 * ({bcrypt}$2a$10$..., made with e.g. htpasswd -bnBC 10 "" secret), and a role: ADMIN
 * (everything) or VIEWER (read only). None by default (the demo profile has demo/demo).
 * @param adminPassword The password of user "admin" (ADMIN), from FERRY_ADMIN_PASSWORD.
 * Without any user at all, an admin password is generated at first start and printed once
 * in the log.
 * @param viewerPassword The password of user "viewer" (VIEWER), from
 * FERRY_VIEWER_PASSWORD.
 * @param secretKey The base64 256-bit key that encrypts FTP passwords at rest (openssl
 * rand -base64 32), from FERRY_SECRET_KEY. Empty: a key is generated at first start as
 * secret.key in the data directory. Back it up with the database.
 * @param secretKeyPrevious The key before a rotation, from FERRY_SECRET_KEY_PREVIOUS:
 * stored passwords are read with it and encrypted again with the secret key.
 * @param freeLoginFailures Failed logins per user name or client address before each
 * further one waits 1 s, 2 s, 4 s ...
 */
@ConfigurationProperties("ferry.security")
public record SecurityProperties(@DefaultValue List<User> users, String adminPassword, String viewerPassword,
		String secretKey, String secretKeyPrevious, @DefaultValue("5") int freeLoginFailures) {

	public SecurityProperties {
		users = List.copyOf(users);
		// an unset FERRY_* variable arrives as "": blank means not set
		adminPassword = blankToNull(adminPassword);
		viewerPassword = blankToNull(viewerPassword);
		secretKey = blankToNull(secretKey);
		secretKeyPrevious = blankToNull(secretKeyPrevious);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A configured user.
	 *
	 * @param name the name to log in with
	 * @param password a hash with its encoder's prefix: {@code {bcrypt}$2a$10$...}
	 * @param role what the user may do
	 */
	public record User(String name, String password, Role role) {
	}

}
