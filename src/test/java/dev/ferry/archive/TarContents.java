package dev.ferry.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a tar.gz back with Commons Compress, content included (fine for test-sized
 * archives).
 */
final class TarContents {

	private TarContents() {
	}

	enum Type {

		DIRECTORY, FILE, SYMLINK, OTHER

	}

	record Entry(String name, Type type, String linkName, int mode, FileTime modified, long uid, long gid,
			String userName, String groupName, long size, byte[] content) {

	}

	static List<Entry> read(byte[] archive) throws IOException {
		return read(new ByteArrayInputStream(archive));
	}

	static List<Entry> read(InputStream gzipped) throws IOException {
		List<Entry> entries = new ArrayList<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(gzipped),
				StandardCharsets.UTF_8.name())) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				entries.add(new Entry(entry.getName(), type(entry), entry.getLinkName(), entry.getMode(),
						entry.getLastModifiedTime(), entry.getLongUserId(), entry.getLongGroupId(), entry.getUserName(),
						entry.getGroupName(), entry.getSize(), tar.readAllBytes()));
			}
		}
		return entries;
	}

	static List<String> names(byte[] archive) throws IOException {
		return read(archive).stream().map(Entry::name).toList();
	}

	static Entry entry(byte[] archive, String name) throws IOException {
		return read(archive).stream()
			.filter((entry) -> entry.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No entry " + name));
	}

	private static Type type(TarArchiveEntry entry) {
		if (entry.isDirectory()) {
			return Type.DIRECTORY;
		}
		if (entry.isSymbolicLink()) {
			return Type.SYMLINK;
		}
		return entry.isFile() ? Type.FILE : Type.OTHER;
	}

}
