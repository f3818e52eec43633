package dev.ferry.transfer;

/**
 * Where and how to upload. {@link #toString()} masks the password.
 *
 * @param host server host name or address
 * @param port control port, 1 to 65535 (usually 21, 990 for implicit TLS)
 * @param username user to log in as
 * @param password password of that user; {@code null} means empty
 * @param remoteDir directory to upload into, absolute ({@code /backups/www}) or relative
 * to the login directory; missing directories are created; {@code null}, {@code ""} and
 * {@code "/"} mean the login directory itself (which is {@code /} on servers that jail
 * their users)
 * @param fileType representation type; {@code null} means {@link FileType#BINARY}
 * @param data how data connections are opened; {@code null} means passive, by default
 * @param tls whether and how to use TLS; {@code null} means plain FTP
 * @param timeouts this target's own timeouts; {@code null} means the service's defaults
 */
public record FtpTarget(String host, int port, String username, String password, String remoteDir, FileType fileType,
		DataOptions data, TlsOptions tls, Timeouts timeouts) {

	private static final String MASK = "****";

	public FtpTarget {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("host must not be blank");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
		}
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("username must not be blank");
		}
		password = (password != null) ? password : "";
		remoteDir = (remoteDir != null) ? remoteDir.strip() : "";
		fileType = (fileType != null) ? fileType : FileType.BINARY;
		data = (data != null) ? data : DataOptions.of(TransferMode.PASSIVE);
		tls = (tls != null) ? tls : TlsOptions.NONE;
		timeouts = (timeouts != null) ? timeouts : Timeouts.DEFAULTS;
	}

	/** A plain-FTP target with a transfer mode and everything else by default. */
	public FtpTarget(String host, int port, String username, String password, String remoteDir,
			TransferMode transferMode, FileType fileType) {
		this(host, port, username, password, remoteDir, fileType, DataOptions.of(transferMode), null, null);
	}

	/** The configured transfer mode. */
	public TransferMode transferMode() {
		return this.data.mode();
	}

	/**
	 * {@code host:port}, as used in messages; an IPv6 host in brackets.
	 * @return the server's endpoint
	 */
	String endpoint() {
		return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

	@Override
	public String toString() {
		return "FtpTarget[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
				+ MASK + ", remoteDir=" + this.remoteDir + ", fileType=" + this.fileType + ", data=" + this.data
				+ ", tls=" + this.tls + ", timeouts=" + this.timeouts + "]";
	}

}
