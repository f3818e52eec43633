package dev.ferry.transfer;

import org.apache.commons.net.ftp.FTP;

/**
 * FTP representation type of a transfer ({@code TYPE I} or {@code TYPE A}).
 */
public enum FileType {

	/** Bytes are sent unchanged ({@code TYPE I}); the right choice for archives. */
	BINARY(FTP.BINARY_FILE_TYPE, "TYPE I"),

	/**
	 * Text: line ends travel as CRLF and the server converts them to its own convention
	 * ({@code TYPE A}).
	 */
	ASCII(FTP.ASCII_FILE_TYPE, "TYPE A");

	private final int commonsNetType;

	private final String command;

	FileType(int commonsNetType, String command) {
		this.commonsNetType = commonsNetType;
		this.command = command;
	}

	/**
	 * The Commons Net constant for this type.
	 * @return a {@code FTP.*_FILE_TYPE} constant
	 */
	int commonsNetType() {
		return this.commonsNetType;
	}

	/**
	 * The FTP command that selects this type, for messages.
	 * @return e.g. {@code TYPE I}
	 */
	String command() {
		return this.command;
	}

}
