package dev.ferry.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets at rest with AES-256-GCM: a random 96-bit nonce per value, a 128-bit
 * tag, stored as {@code v1:} + base64(nonce + ciphertext). Decrypts with the current key,
 * or with the previous one during a rotation. Thread-safe.
 */
public final class SecretCipher {

	static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final SecretKey current;

	private final SecretKey previous;

	SecretCipher(SecretKey current, SecretKey previous) {
		this.current = current;
		this.previous = previous;
	}

	/**
	 * A cipher with one key, for slices of the application that store jobs without the
	 * security configuration.
	 * @param base64Key 256 bits, base64
	 */
	public static SecretCipher withKey(String base64Key) {
		return new SecretCipher(SecretKeys.parse(base64Key, "the key"), null);
	}

	/** Whether a stored value is one this cipher wrote (with either key). */
	public static boolean isEncrypted(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	public String encrypt(String plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.current, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this Java runtime", ex);
		}
	}

	/**
	 * Decrypts with the current key, else the previous one.
	 * @return the secret, or empty when neither key decrypts it
	 */
	public Optional<Decrypted> decrypt(String stored) {
		if (!isEncrypted(stored)) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length <= NONCE_BYTES) {
			return Optional.empty();
		}
		Optional<String> plain = open(this.current, bytes);
		if (plain.isPresent()) {
			return Optional.of(new Decrypted(plain.get(), false));
		}
		return (this.previous != null) ? open(this.previous, bytes).map((p) -> new Decrypted(p, true))
				: Optional.empty();
	}

	private static Optional<String> open(SecretKey key, byte[] bytes) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return Optional
				.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A decrypted secret.
	 *
	 * @param withPreviousKey whether it was encrypted with the previous key and should be
	 * encrypted again with the current one
	 */
	public record Decrypted(String plain, boolean withPreviousKey) {
	}

}
