package dev.ferry.transfer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The hashes an FTP server may offer for a stored file, strongest first, and how to
 * compute each while sending.
 */
enum HashAlgorithm {

	SHA_256("SHA-256", 64), SHA_1("SHA-1", 40), MD5("MD5", 32), CRC32("CRC32", 8);

	private final String label;

	private final int hexLength;

	HashAlgorithm(String label, int hexLength) {
		this.label = label;
		this.hexLength = hexLength;
	}

	/** The name the run records and {@code HASH} uses, e.g. {@code SHA-256}. */
	String label() {
		return this.label;
	}

	int hexLength() {
		return this.hexLength;
	}

	/** Whether two hex values of this algorithm are the same hash. */
	boolean same(String a, String b) {
		if (this == CRC32) {
			// servers drop leading zeros of a CRC
			return Long.parseLong(a, 16) == Long.parseLong(b, 16);
		}
		return a.equalsIgnoreCase(b);
	}

	Hasher newHasher() {
		if (this == CRC32) {
			CRC32 crc = new CRC32();
			return new Hasher() {
				@Override
				public void update(byte[] bytes, int offset, int length) {
					crc.update(bytes, offset, length);
				}

				@Override
				public String hex() {
					return String.format("%08x", crc.getValue());
				}
			};
		}
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance(this.label);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has " + this.label, ex);
		}
		return new Hasher() {
			@Override
			public void update(byte[] bytes, int offset, int length) {
				digest.update(bytes, offset, length);
			}

			@Override
			public String hex() {
				return HexFormat.of().formatHex(digest.digest());
			}
		};
	}

	/** A running hash. */
	interface Hasher {

		void update(byte[] bytes, int offset, int length);

		/** The hash of everything so far, in lower-case hex; call once. */
		String hex();

	}

}
