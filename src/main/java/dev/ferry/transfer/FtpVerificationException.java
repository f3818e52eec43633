package dev.ferry.transfer;

/**
 * The uploaded file on the server is not what was sent: its size or hash differs.
 */
final class FtpVerificationException extends TransferException {

	private final boolean ascii;

	/**
	 * @param ascii whether the transfer type was ASCII, which rewrites line endings: then
	 * trying again cannot help
	 */
	FtpVerificationException(String message, boolean ascii) {
		super(TransferPhase.VERIFY, message, null);
		this.ascii = ascii;
	}

	@Override
	public boolean isTransient() {
		// In BINARY a difference means a transfer cut short: worth another try.
		return !this.ascii;
	}

}
