package dev.ferry.archive;

/**
 * The type of a file, from the type bits of its {@code st_mode}.
 */
enum FileKind {

	DIRECTORY("directory"), REGULAR("regular file"), SYMLINK("symbolic link"), FIFO("named pipe"), SOCKET("socket"),
	CHARACTER_DEVICE("character device"), BLOCK_DEVICE("block device"), UNKNOWN("file of unknown type");

	private static final int TYPE_MASK = 0170000;

	private final String description;

	FileKind(String description) {
		this.description = description;
	}

	static FileKind of(int mode) {
		return switch (mode & TYPE_MASK) {
			case 0040000 -> DIRECTORY;
			case 0100000 -> REGULAR;
			case 0120000 -> SYMLINK;
			case 0010000 -> FIFO;
			case 0140000 -> SOCKET;
			case 0020000 -> CHARACTER_DEVICE;
			case 0060000 -> BLOCK_DEVICE;
			default -> UNKNOWN;
		};
	}

	String description() {
		return this.description;
	}

}
