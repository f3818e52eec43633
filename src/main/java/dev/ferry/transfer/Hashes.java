package dev.ferry.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hashes of an upload, computed while it streams: always SHA-256 (recorded and
 * written beside the archive), and the server's own algorithm when it offers another.
 */
final class Hashes {

	private final Map<HashAlgorithm, HashAlgorithm.Hasher> hashers = new EnumMap<>(HashAlgorithm.class);

	private final Map<HashAlgorithm, String> results = new EnumMap<>(HashAlgorithm.class);

	Hashes(Optional<HashCommand> server) {
		this.hashers.put(HashAlgorithm.SHA_256, HashAlgorithm.SHA_256.newHasher());
		server.ifPresent((command) -> this.hashers.computeIfAbsent(command.algorithm(), HashAlgorithm::newHasher));
	}

	/** The content, hashed on its way out. */
	UploadContent hashing(UploadContent content) {
		return (out) -> {
			Hashing hashing = new Hashing(out);
			content.writeTo(hashing);
			hashing.flush();
		};
	}

	/** The hash of everything written, in lower-case hex. */
	String hex(HashAlgorithm algorithm) {
		return this.results.computeIfAbsent(algorithm, (a) -> this.hashers.get(a).hex());
	}

	private final class Hashing extends FilterOutputStream {

		Hashing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
			for (HashAlgorithm.Hasher hasher : Hashes.this.hashers.values()) {
				hasher.update(bytes, offset, length);
			}
		}

	}

}
