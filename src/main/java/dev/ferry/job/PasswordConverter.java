package dev.ferry.job;

import dev.ferry.security.SecretCipher;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Keeps FTP passwords encrypted in the database (AES-GCM, see {@link SecretCipher}): the
 * plaintext never reaches the database file. A stored value that no key can decrypt is
 * loaded as a marker that keeps the stored value as it is and makes every use of the
 * password fail with an explanation ({@link UnreadablePasswordException}).
 */
@Converter
class PasswordConverter implements AttributeConverter<String, String> {

	/** Cannot come from a request: passwords with control characters are refused. */
	static final String UNREADABLE = "\u0000unreadable:";

	private final SecretCipher cipher;

	PasswordConverter(SecretCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public String convertToDatabaseColumn(String password) {
		if (password == null) {
			return null;
		}
		if (password.startsWith(UNREADABLE)) {
			return password.substring(UNREADABLE.length());
		}
		return this.cipher.encrypt(password);
	}

	@Override
	public String convertToEntityAttribute(String stored) {
		if (stored == null) {
			return null;
		}
		return this.cipher.decrypt(stored).map(SecretCipher.Decrypted::plain).orElse(UNREADABLE + stored);
	}

	static boolean isUnreadable(String password) {
		return password != null && password.startsWith(UNREADABLE);
	}

}
