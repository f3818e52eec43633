package dev.ferry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * What a tar.gz holds and what a source tree holds, in one comparable form: per entry
 * name its type, permission bits, modification time (seconds), link target and content
 * hash. Tests compare the two maps.
 */
public final class TarGzContents {

	private TarGzContents() {
	}

	/** One archive entry, or one file of the source tree. */
	public record Entry(String type, int mode, long mtime, String linkTarget, String sha256) {
	}

	/** Reads every entry of a tar.gz, in archive order. */
	public static Map<String, Entry> read(byte[] tarGz) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new GzipCompressorInputStream(new ByteArrayInputStream(tarGz)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				String name = entry.getName().endsWith("/") ? entry.getName().substring(0, entry.getName().length() - 1)
						: entry.getName();
				if (entries.containsKey(name)) {
					throw new IllegalStateException("The archive holds " + name + " twice");
				}
				if (entry.isSymbolicLink()) {
					entries.put(name, new Entry("symlink", 0, 0, entry.getLinkName(), null));
				}
				else if (entry.isDirectory()) {
					entries.put(name, new Entry("dir", entry.getMode() & 07777,
							entry.getLastModifiedTime().toInstant().getEpochSecond(), null, null));
				}
				else {
					entries.put(name, new Entry("file", entry.getMode() & 07777,
							entry.getLastModifiedTime().toInstant().getEpochSecond(), null, sha256(tar)));
				}
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Describes a source tree as its archive should: names start with the source
	 * directory's own name; paths for which {@code excluded} (given the path relative to
	 * the source) holds are left out with everything below them.
	 */
	public static Map<String, Entry> expected(Path source, Predicate<String> excluded) {
		Map<String, Entry> entries = new TreeMap<>();
		String top = source.getFileName().toString();
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				String relative = source.relativize(path).toString();
				if (!relative.isEmpty() && isExcluded(relative, excluded)) {
					continue;
				}
				String name = relative.isEmpty() ? top : top + "/" + relative;
				entries.put(name, describe(path));
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isExcluded(String relative, Predicate<String> excluded) {
		String prefix = "";
		for (String segment : relative.split("/")) {
			prefix = prefix.isEmpty() ? segment : prefix + "/" + segment;
			if (excluded.test(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static Entry describe(Path path) throws IOException {
		if (Files.isSymbolicLink(path)) {
			return new Entry("symlink", 0, 0, Files.readSymbolicLink(path).toString(), null);
		}
		int mode = mode(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
		long mtime = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond();
		if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
			return new Entry("dir", mode, mtime, null, null);
		}
		try (InputStream in = Files.newInputStream(path)) {
			return new Entry("file", mode, mtime, null, sha256(in));
		}
	}

	private static int mode(Set<PosixFilePermission> permissions) {
		int mode = 0;
		for (PosixFilePermission permission : permissions) {
			mode |= 1 << (8 - permission.ordinal());
		}
		return mode;
	}

	private static String sha256(InputStream in) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
