package dev.ferry.transfer;

/**
 * The phase of an upload in which a {@link TransferException} happened.
 */
public enum TransferPhase {

	/** Opening the control connection and reading the server's greeting. */
	CONNECT,

	/** Negotiating TLS and checking the server's certificate. */
	TLS,
	/** Authenticating with user name and password. */
	LOGIN,

	/**
	 * Opening the data connection ({@code PASV}/{@code EPSV}/{@code PORT}/{@code EPRT}).
	 */
	DATA_CONNECTION,

	/**
	 * Everything after login that is not opening the data connection: type, directories,
	 * storing, renaming, listing, deleting.
	 */
	TRANSFER,

	/**
	 * Checking the uploaded file on the server ({@code SIZE}, a hash) before it gets its
	 * final name.
	 */
	VERIFY

}
