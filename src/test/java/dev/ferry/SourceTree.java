package dev.ferry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Random;

/**
 * A source directory with everything a faithful backup must keep: nested and empty
 * directories, a symlink, a 0600 and a 0755 file, a 150-character path, a UTF-8 name, an
 * empty file and a few MB of incompressible bytes — plus files that the standard excludes
 * ({@code **}{@code /*.tmp}, {@code cache/**}) must leave out.
 */
public final class SourceTree {

	/** A relative path of exactly 150 characters below the source directory. */
	public static final String LONG_PATH = "deep/" + "d".repeat(60) + "/" + "e".repeat(60) + "/" + "f".repeat(19)
			+ ".txt";

	public static final String UTF8_NAME = "Größe-日本語.txt";

	private SourceTree() {
	}

	/** Creates the tree as {@code parent/name} and returns it. */
	public static Path create(Path parent, String name) {
		try {
			Path root = Files.createDirectories(parent.resolve(name));
			write(root.resolve("index.html"), "<h1>hello</h1>\n");
			write(root.resolve("css/site.css"), "body { color: #333 }\n");
			Files.createDirectories(root.resolve("empty"));
			Files.createSymbolicLink(root.resolve("link-to-index"), Path.of("index.html"));
			write(root.resolve("secret.key"), "private\n");
			Files.setPosixFilePermissions(root.resolve("secret.key"), PosixFilePermissions.fromString("rw-------"));
			write(root.resolve("bin/run.sh"), "#!/bin/sh\necho run\n");
			Files.setPosixFilePermissions(root.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
			write(root.resolve(LONG_PATH), "long path\n");
			write(root.resolve(UTF8_NAME), "ünïcödé\n");
			write(root.resolve("zero-bytes"), "");
			byte[] random = new byte[3 * 1024 * 1024 + 17];
			new Random(42).nextBytes(random);
			Files.write(Files.createDirectories(root.resolve("data")).resolve("blob.bin"), random);
			write(root.resolve("notes.tmp"), "excluded\n");
			write(root.resolve("css/old.tmp"), "excluded\n");
			write(root.resolve("cache/page.html"), "excluded\n");
			pinTimes(root);
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether a path relative to the source is one that the standard excludes drop. */
	public static boolean excluded(String relative) {
		return relative.endsWith(".tmp") || relative.equals("cache") || relative.startsWith("cache/");
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	/** Distinct whole-second modification times, so that a lost mtime shows. */
	private static void pinTimes(Path root) throws IOException {
		Instant base = Instant.parse("2024-05-17T08:30:00Z");
		try (var paths = Files.walk(root)) {
			var sorted = paths.sorted(java.util.Comparator.reverseOrder()).toList();
			for (int i = 0; i < sorted.size(); i++) {
				Path path = sorted.get(i);
				if (!Files.isSymbolicLink(path)) {
					Files.setLastModifiedTime(path, FileTime.from(base.plusSeconds(3600L * i)));
				}
			}
		}
	}

}
