package dev.ferry.job;

import dev.ferry.transfer.DataCommand;
import dev.ferry.transfer.DataOptions;
import dev.ferry.transfer.FileType;
import dev.ferry.transfer.FtpTarget;
import dev.ferry.transfer.PassiveAddress;
import dev.ferry.transfer.PortRange;
import dev.ferry.transfer.Security;
import dev.ferry.transfer.Timeouts;
import dev.ferry.transfer.TlsOptions;
import dev.ferry.transfer.TransferMode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The FTP server a job uploads to, as stored. The password is write-only: it never leaves
 * the service except towards the FTP server.
 */
@Embeddable
public class JobTarget {

	@Column(name = "target_host")
	private String host;

	@Column(name = "target_port")
	private int port;

	@Column(name = "target_username")
	private String username;

	@Column(name = "target_password")
	@Convert(converter = PasswordConverter.class)
	private String password;

	@Column(name = "target_remote_dir")
	private String remoteDir;

	@Enumerated(EnumType.STRING)
	@Column(name = "target_transfer_mode")
	private TransferMode transferMode;

	@Enumerated(EnumType.STRING)
	@Column(name = "target_file_type")
	private FileType fileType;

	@Enumerated(EnumType.STRING)
	@Column(name = "target_passive_address")
	private PassiveAddress passiveAddress;

	@Column(name = "target_active_port_range")
	private String activePortRange;

	@Column(name = "target_active_external_address")
	private String activeExternalAddress;

	@Enumerated(EnumType.STRING)
	@Column(name = "target_security")
	private Security security;

	@Column(name = "target_tls_trusted_certificate")
	private String tlsTrustedCertificate;

	@Column(name = "target_tls_insecure")
	private boolean tlsInsecure;

	@Column(name = "target_connect_timeout_seconds")
	private Integer connectTimeoutSeconds;

	@Column(name = "target_data_timeout_seconds")
	private Integer dataTimeoutSeconds;

	@Column(name = "target_control_keep_alive_seconds")
	private Integer controlKeepAliveSeconds;

	/**
	 * The command of the last successful upload, which AUTO tries first; forgotten when
	 * the target changes.
	 */
	@Enumerated(EnumType.STRING)
	@Column(name = "target_last_data_command")
	private DataCommand lastDataCommand;

	protected JobTarget() {
	}

	/** A target from a validated request; {@code password} is the one to store. */
	JobTarget(TargetRequest request, String password) {
		this.host = request.host();
		this.port = request.portOrDefault();
		this.username = request.username();
		this.password = password;
		this.remoteDir = request.remoteDirOrDefault();
		this.transferMode = request.transferModeOrDefault();
		this.fileType = request.fileTypeOrDefault();
		this.passiveAddress = request.passiveAddressOrDefault();
		this.activePortRange = blankToNull(request.activePortRange());
		this.activeExternalAddress = blankToNull(request.activeExternalAddress());
		this.security = request.securityOrDefault();
		this.tlsTrustedCertificate = blankToNull(request.tlsTrustedCertificate());
		this.tlsInsecure = request.tlsInsecureOrDefault();
		this.connectTimeoutSeconds = TargetDurations.seconds(request.connectTimeout());
		this.dataTimeoutSeconds = TargetDurations.seconds(request.dataTimeout());
		this.controlKeepAliveSeconds = TargetDurations.seconds(request.controlKeepAlive());
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	/** The connection details for the transfer feature, password included. */
	public FtpTarget toFtpTarget() {
		PortRange range = (this.activePortRange != null) ? PortRange.parse(this.activePortRange) : null;
		return new FtpTarget(this.host, this.port, this.username, this.password, this.remoteDir, this.fileType,
				new DataOptions(this.transferMode, this.passiveAddress, range, this.activeExternalAddress,
						this.lastDataCommand),
				new TlsOptions(this.security, this.tlsTrustedCertificate, this.tlsInsecure),
				new Timeouts(TargetDurations.duration(this.connectTimeoutSeconds),
						TargetDurations.duration(this.dataTimeoutSeconds),
						TargetDurations.duration(this.controlKeepAliveSeconds)));
	}

	public String getHost() {
		return this.host;
	}

	public int getPort() {
		return this.port;
	}

	public String getUsername() {
		return this.username;
	}

	String getPassword() {
		return this.password;
	}

	/** How it transfers, for people: e.g. {@code PASSIVE, BINARY, security NONE}. */
	public String describeTransfer() {
		return this.transferMode + ", " + this.fileType + ", security " + this.security;
	}

	/** Whether the stored password cannot be decrypted with the current secret key. */
	public boolean isPasswordUnreadable() {
		return PasswordConverter.isUnreadable(this.password);
	}

	public boolean isPasswordSet() {
		return this.password != null && !this.password.isEmpty();
	}

	public String getRemoteDir() {
		return this.remoteDir;
	}

	public TransferMode getTransferMode() {
		return this.transferMode;
	}

	public FileType getFileType() {
		return this.fileType;
	}

	public PassiveAddress getPassiveAddress() {
		return this.passiveAddress;
	}

	public String getActivePortRange() {
		return this.activePortRange;
	}

	public String getActiveExternalAddress() {
		return this.activeExternalAddress;
	}

	public Security getSecurity() {
		return this.security;
	}

	public String getTlsTrustedCertificate() {
		return this.tlsTrustedCertificate;
	}

	/**
	 * Whether the server's certificate goes unchecked: encryption without authentication.
	 */
	public boolean isTlsInsecure() {
		return this.tlsInsecure;
	}

	public String getConnectTimeout() {
		return TargetDurations.text(this.connectTimeoutSeconds);
	}

	public String getDataTimeout() {
		return TargetDurations.text(this.dataTimeoutSeconds);
	}

	public String getControlKeepAlive() {
		return TargetDurations.text(this.controlKeepAliveSeconds);
	}

	public DataCommand getLastDataCommand() {
		return this.lastDataCommand;
	}

	@Override
	public String toString() {
		return this.username + "@" + this.host + ":" + this.port + this.remoteDir + " (" + this.transferMode + ", "
				+ this.fileType + ((this.security != Security.NONE) ? ", " + this.security : "") + ")";
	}

}
