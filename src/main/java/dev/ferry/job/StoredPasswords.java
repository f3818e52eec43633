package dev.ferry.job;

import java.util.ArrayList;
import java.util.List;

import dev.ferry.security.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, brings every stored FTP password under the current key: values encrypted
 * with {@code FERRY_SECRET_KEY_PREVIOUS} are encrypted again with the new key, values
 * stored in plaintext by a Ferry that did not encrypt yet are encrypted. Values no key
 * can decrypt are named in the log, left as they are, and make the runs of their jobs
 * fail with the same explanation: the service still starts, and the password can be set
 * again.
 */
@Component
class StoredPasswords implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(StoredPasswords.class);

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	StoredPasswords(JdbcTemplate jdbc, SecretCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> unreadable = new ArrayList<>();
		int reencrypted = 0;
		for (Stored row : this.jdbc.query(
				"select id, name, target_password from backup_job where target_password is not null",
				(rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)))) {
			if (!SecretCipher.isEncrypted(row.value())) {
				update(row.id(), this.cipher.encrypt(row.value()));
				reencrypted++;
				continue;
			}
			var decrypted = this.cipher.decrypt(row.value());
			if (decrypted.isEmpty()) {
				unreadable.add("'" + row.name() + "' (id " + row.id() + ")");
			}
			else if (decrypted.get().withPreviousKey()) {
				update(row.id(), this.cipher.encrypt(decrypted.get().plain()));
				reencrypted++;
			}
		}
		if (reencrypted > 0) {
			log.info("Encrypted {} stored FTP passwords with the current secret key", reencrypted);
		}
		if (!unreadable.isEmpty()) {
			log.error("The stored FTP passwords of jobs {} cannot be decrypted with the current secret key "
					+ "(FERRY_SECRET_KEY, or secret.key in the data directory). Their runs fail until Ferry has the "
					+ "right key (FERRY_SECRET_KEY_PREVIOUS after a rotation) or their passwords are set again.",
					String.join(", ", unreadable));
		}
	}

	private void update(long id, String value) {
		this.jdbc.update("update backup_job set target_password = ? where id = ?", value, id);
	}

	private record Stored(long id, String name, String value) {
	}

}
