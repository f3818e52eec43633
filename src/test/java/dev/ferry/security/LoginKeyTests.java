package dev.ferry.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a user name and a client address become what the login throttle counts by.
 */
class LoginKeyTests {

	@Test
	void everySpellingAuthenticationTakesForAUserCountsAsThatUser() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(List.of(user("Alice"), user("bob")));
		List<String> attempts = List.of("Alice", "alice", "ALICE", "aLiCe", " Alice", "alice ", "\talice\n", "bob",
				"BOB", " Bob ", "alicE2", "al ice", "carol");

		for (String attempt : attempts) {
			// the login form trims the name before the lookup (HTTP Basic does not)
			String found = users.userExists(attempt.trim()) ? users.loadUserByUsername(attempt.trim()).getUsername()
					: null;
			if (found != null) {
				assertThat(LoginKey.USER.of(attempt)).as(attempt).isEqualTo(LoginKey.USER.of(found));
			}
			else {
				assertThat(LoginKey.USER.of(attempt)).as(attempt)
					.isNotIn(LoginKey.USER.of("Alice"), LoginKey.USER.of("bob"));
			}
		}
	}

	@Test
	void aUserNameIsTrimmedAndLowerCasedWhateverTheDefaultLocale() {
		assertThat(LoginKey.USER.of("ADMIN ")).isEqualTo("USER:admin");
		assertThat(LoginKey.USER.of("Admin")).isEqualTo("USER:admin");
		// Locale.ROOT, like the user store: no Turkish dotless i
		assertThat(LoginKey.USER.of("ADMIN")).isNotEqualTo(LoginKey.USER.of("adm\u0131n"));
	}

	@Test
	void aVeryLongNameIsCutSoThatGuessesCannotFillTheMemory() {
		assertThat(LoginKey.USER.of("x".repeat(100_000))).hasSize("USER:".length() + 128);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			203.0.113.7                             | 203.0.113.7
			::ffff:203.0.113.7                      | 203.0.113.7
			::ffff:cb00:7107                        | 203.0.113.7
			2001:db8:1:2::a                         | 2001:db8:1:2::/64
			2001:0DB8:0001:0002:ffff:ffff:ffff:ffff | 2001:db8:1:2::/64
			[2001:db8:1:2::a]                       | 2001:db8:1:2::/64
			0:0:0:0:0:0:0:1                         | 0:0:0:0::/64
			fe80::1%eth0                            | fe80:0:0:0::/64
			999.1.1.1                               | 999.1.1.1
			unknown                                 | unknown
			backup.example.org                      | backup.example.org
			.:1                                     | .:1
			""")
	void anAddressIsIpv4OnItsOwnAndIpv6ByItsSlash64(String address, String key) {
		assertThat(LoginKey.ADDRESS.of(address)).isEqualTo("ADDRESS:" + key);
	}

	@Test
	void neighboursShareAnIpv6KeyButNotAnIpv4One() {
		assertThat(LoginKey.ADDRESS.of("2001:db8:1:2::1")).isEqualTo(LoginKey.ADDRESS.of("2001:db8:1:2:a:b:c:d"));
		assertThat(LoginKey.ADDRESS.of("2001:db8:1:2::1")).isNotEqualTo(LoginKey.ADDRESS.of("2001:db8:1:3::1"));
		assertThat(LoginKey.ADDRESS.of("203.0.113.7")).isNotEqualTo(LoginKey.ADDRESS.of("203.0.113.8"));
	}

	private static User user(String name) {
		return (User) User.withUsername(name).password("{noop}x").roles("ADMIN").build();
	}

}
