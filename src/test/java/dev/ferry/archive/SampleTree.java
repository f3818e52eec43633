package dev.ferry.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A source tree with every kind of entry the archive must keep: nested and empty
 * directories, symbolic links to a file, to a directory, dangling and outside the tree,
 * special modes, a path of 150 characters, a non-ASCII name, an empty and a large file.
 * Every file and directory gets its own mtime, with milliseconds.
 */
final class SampleTree {

	static final String LONG_DIRECTORY = "long/" + "d".repeat(60);

	static final String LONG_PATH = LONG_DIRECTORY + "/" + "f".repeat(80) + ".txt";

	static final String UTF8_NAME = "Größe-日本.txt";

	/** The entries of an archive of the tree, in the order they must appear. */
	static final List<String> ENTRIES = List.of("www/", "www/" + UTF8_NAME, "www/a-dangling-link", "www/big.bin",
			"www/empty/", "www/executable.sh", "www/link-long", "www/link-outside", "www/link-to-dir",
			"www/link-to-file", "www/link-utf8", "www/long/", "www/" + LONG_DIRECTORY + "/", "www/" + LONG_PATH,
			"www/nested/", "www/nested/deeper/", "www/nested/deeper/file.txt", "www/secret.txt", "www/setuid-tool",
			"www/zero.bin");

	private SampleTree() {
	}

	/** Creates {@code parent/www} and returns it. */
	static Path create(Path parent) throws IOException {
		Path www = Files.createDirectory(parent.resolve("www"));
		Files.createDirectories(www.resolve("nested/deeper"));
		Files.createDirectory(www.resolve("empty"));
		Files.createDirectories(www.resolve(LONG_DIRECTORY));
		write(www.resolve("nested/deeper/file.txt"), "deep inside\n", 0644);
		write(www.resolve(UTF8_NAME), "größe\n", 0644);
		write(www.resolve(LONG_PATH), "a long way down\n", 0644);
		write(www.resolve("secret.txt"), "only for me\n", 0600);
		write(www.resolve("executable.sh"), "#!/bin/sh\necho hi\n", 0755);
		write(www.resolve("setuid-tool"), "pretend binary\n", 04755);
		write(www.resolve("zero.bin"), "", 0644);
		byte[] big = new byte[3 * 1024 * 1024 + 123];
		new Random(42).nextBytes(big);
		Files.write(www.resolve("big.bin"), big);
		Files.createSymbolicLink(www.resolve("link-to-file"), Path.of("nested/deeper/file.txt"));
		Files.createSymbolicLink(www.resolve("link-to-dir"), Path.of("nested"));
		Files.createSymbolicLink(www.resolve("a-dangling-link"), Path.of("does-not-exist"));
		Files.writeString(parent.resolve("outside.txt"), "not in the tree\n");
		Files.createSymbolicLink(www.resolve("link-outside"), Path.of("../outside.txt"));
		Files.createSymbolicLink(www.resolve("link-long"), Path.of(LONG_PATH));
		Files.createSymbolicLink(www.resolve("link-utf8"), Path.of(UTF8_NAME));
		setMode(www.resolve("nested"), 0700);
		setMode(www.resolve("empty"), 0750);
		// Files first, then directories deepest first: touching a directory's children
		// after setting its mtime would change it again.
		int i = 0;
		for (String path : List.of("nested/deeper/file.txt", UTF8_NAME, LONG_PATH, "secret.txt", "executable.sh",
				"setuid-tool", "zero.bin", "big.bin", "nested/deeper", "nested", "empty", LONG_DIRECTORY, "long", "")) {
			Instant modified = Instant.ofEpochSecond(1_600_000_000L + 86_400L * i, 1_000_000L * (i + 1));
			Files.setLastModifiedTime(www.resolve(path), FileTime.from(modified));
			i++;
		}
		return www;
	}

	static void write(Path file, String content, int mode) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
		setMode(file, mode);
	}

	/**
	 * Sets all of st_mode's permission bits, setuid included, which the posix view
	 * cannot.
	 */
	static void setMode(Path path, int mode) throws IOException {
		Files.setAttribute(path, "unix:mode", mode);
	}

	static int mode(Path path) throws IOException {
		return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
	}

}
