package dev.ferry.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users and secrets, under {@code ferry.security}.
 *
 * @param users users with a password hash ({@code {bcrypt}...}, or {@code {noop}...} for
 * tests) and a role
 * @param adminPassword defines user {@code admin} (ADMIN), from
 * {@code FERRY_ADMIN_PASSWORD}
 * @param viewerPassword defines user {@code viewer} (VIEWER), from
 * {@code FERRY_VIEWER_PASSWORD}
 * @param secretKey the base64 256-bit key that encrypts FTP passwords at rest, from
 * {@code FERRY_SECRET_KEY}; without it a key is generated in the data directory
 * @param secretKeyPrevious the key before a rotation, from
 * {@code FERRY_SECRET_KEY_PREVIOUS}: stored passwords are re-encrypted with the new key
 * @param freeLoginFailures failed logins per user name or address before each further one
 * is delayed
 */
@ConfigurationProperties("ferry.security")
public record SecurityProperties(List<User> users, String adminPassword, String viewerPassword, String secretKey,
		String secretKeyPrevious, Integer freeLoginFailures) {

	public SecurityProperties {
		users = (users != null) ? List.copyOf(users) : List.of();
		adminPassword = blankToNull(adminPassword);
		viewerPassword = blankToNull(viewerPassword);
		secretKey = blankToNull(secretKey);
		secretKeyPrevious = blankToNull(secretKeyPrevious);
		if (freeLoginFailures == null) {
			freeLoginFailures = 5;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A configured user.
	 *
	 * @param password a hash with its encoder's prefix: {@code {bcrypt}$2a$10$...}
	 */
	public record User(String name, String password, Role role) {
	}

}
