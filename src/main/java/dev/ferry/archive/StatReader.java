package dev.ferry.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a file's type, size, mode, times and ids with one {@code stat} call, and
 * remembers user and group names per id so each is looked up once per archive.
 */
final class StatReader {

	// The "unix" view gives the whole st_mode (type bits, setuid, sticky) and numeric
	// ids, which the "posix" view does not.
	private static final String ATTRIBUTES = "unix:mode,uid,gid,size,lastModifiedTime";

	private static final int PERMISSION_BITS = 07777;

	private final Map<Long, String> userNames = new HashMap<>();

	private final Map<Long, String> groupNames = new HashMap<>();

	FileStat read(Path path, LinkOption... options) throws IOException {
		Map<String, Object> attributes = Files.readAttributes(path, ATTRIBUTES, options);
		int mode = (Integer) attributes.get("mode");
		long uid = Integer.toUnsignedLong((Integer) attributes.get("uid"));
		long gid = Integer.toUnsignedLong((Integer) attributes.get("gid"));
		EntryMetadata metadata = new EntryMetadata(mode & PERMISSION_BITS,
				(FileTime) attributes.get("lastModifiedTime"), uid, gid, userName(path, uid, options),
				groupName(path, gid, options));
		return new FileStat(FileKind.of(mode), (Long) attributes.get("size"), metadata);
	}

	private String userName(Path path, long uid, LinkOption... options) {
		String name = this.userNames.get(uid);
		if (name == null) {
			try {
				name = nameOrEmpty(Files.getOwner(path, options).getName(), uid);
				this.userNames.put(uid, name);
			}
			catch (IOException ex) {
				return ""; // not cached: the file may just have vanished
			}
		}
		return name;
	}

	private String groupName(Path path, long gid, LinkOption... options) {
		String name = this.groupNames.get(gid);
		if (name == null) {
			try {
				GroupPrincipal group = (GroupPrincipal) Files.getAttribute(path, "posix:group", options);
				name = nameOrEmpty(group.getName(), gid);
				this.groupNames.put(gid, name);
			}
			catch (IOException ex) {
				return "";
			}
		}
		return name;
	}

	// For an id without a passwd/group entry the JDK returns the number itself; tar then
	// stores no name, and so do we.
	private static String nameOrEmpty(String name, long id) {
		return name.equals(Long.toString(id)) ? "" : name;
	}

}
