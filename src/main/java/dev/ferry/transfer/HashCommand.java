package dev.ferry.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A command that makes the server hash a stored file, chosen from its {@code FEAT}: the
 * {@code HASH} command of draft-ietf-ftpext2-hash (algorithm chosen with
 * {@code OPTS HASH}), or one of the older {@code XSHA256}, {@code XSHA1}, {@code XMD5},
 * {@code MD5} and {@code XCRC}. The strongest algorithm offered wins.
 *
 * @param algorithm what it computes
 * @param command the command, e.g. {@code XSHA256} or {@code HASH}
 * @param select the arguments of {@code OPTS} that select the algorithm first, or
 * {@code null}
 */
record HashCommand(HashAlgorithm algorithm, String command, String select) {

	/** The best hash the server offers, if any. */
	static Optional<HashCommand> choose(List<String> features) {
		List<HashCommand> offered = new ArrayList<>();
		for (String line : features) {
			String feature = line.strip().toUpperCase(Locale.ROOT);
			switch (feature) {
				case "XSHA256" -> offered.add(new HashCommand(HashAlgorithm.SHA_256, "XSHA256", null));
				case "XSHA1" -> offered.add(new HashCommand(HashAlgorithm.SHA_1, "XSHA1", null));
				case "XMD5" -> offered.add(new HashCommand(HashAlgorithm.MD5, "XMD5", null));
				case "MD5" -> offered.add(new HashCommand(HashAlgorithm.MD5, "MD5", null));
				case "XCRC" -> offered.add(new HashCommand(HashAlgorithm.CRC32, "XCRC", null));
				default -> {
					if (feature.startsWith("HASH ")) {
						hashAlgorithms(feature.substring(5)).forEach(offered::add);
					}
				}
			}
		}
		return offered.stream().min(Comparator.comparing(HashCommand::algorithm));
	}

	private static List<HashCommand> hashAlgorithms(String list) {
		List<HashCommand> commands = new ArrayList<>();
		for (String name : list.split(";")) {
			String algorithm = name.strip().replace("*", "");
			for (HashAlgorithm candidate : HashAlgorithm.values()) {
				if (candidate.label().equals(algorithm)) {
					commands.add(new HashCommand(candidate, "HASH", "HASH " + candidate.label()));
				}
			}
		}
		return commands;
	}

	/**
	 * The hash in a reply: after the reply code, the whitespace-separated token of hex
	 * digits of the expected length (a CRC may come without leading zeros).
	 */
	Optional<String> hashIn(String reply) {
		String[] tokens = reply.strip().split("\\s+");
		for (int i = 1; i < tokens.length; i++) {
			String token = tokens[i];
			boolean hex = !token.isEmpty() && token.chars().allMatch((c) -> Character.digit(c, 16) >= 0);
			int length = this.algorithm.hexLength();
			if (hex && (token.length() == length
					|| (this.algorithm == HashAlgorithm.CRC32 && token.length() < length && token.length() > 0))) {
				return Optional.of(token);
			}
		}
		return Optional.empty();
	}

}
