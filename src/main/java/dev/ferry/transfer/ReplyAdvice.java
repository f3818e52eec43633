package dev.ferry.transfer;

/**
 * The usual cause of a refusing reply, and what to do about it, for error messages.
 */
final class ReplyAdvice {

	private ReplyAdvice() {
	}

	/**
	 * Advice for a reply code.
	 * @param code the reply code
	 * @param path the remote path concerned
	 * @return {@code " — ..."}, or {@code ""} when there is nothing useful to say
	 */
	static String forCode(int code, String path) {
		return switch (code) {
			case 550 -> " — the user may not write to " + path
					+ " (missing permission, or the directory does not exist): check the user's rights on the server";
			case 552, 452 -> " — the server's disk or the user's quota is full";
			case 553 -> " — the server does not allow this file name (" + path + ")";
			case 522 -> " — the server requires the data connection to resume the control connection's TLS "
					+ "session and refused it";
			case 530 -> " — not logged in: check user name and password";
			default -> "";
		};
	}

}
