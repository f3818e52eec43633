package dev.ferry.job;

import dev.ferry.transfer.FileType;
import dev.ferry.transfer.FtpTarget;
import dev.ferry.transfer.TransferMode;
import jakarta.persistence.Column;
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
	private String password;

	@Column(name = "target_remote_dir")
	private String remoteDir;

	@Enumerated(EnumType.STRING)
	@Column(name = "target_transfer_mode")
	private TransferMode transferMode;

	@Enumerated(EnumType.STRING)
	@Column(name = "target_file_type")
	private FileType fileType;

	protected JobTarget() {
	}

	JobTarget(String host, int port, String username, String password, String remoteDir, TransferMode transferMode,
			FileType fileType) {
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
		this.remoteDir = remoteDir;
		this.transferMode = transferMode;
		this.fileType = fileType;
	}

	/** The connection details for the transfer feature, password included. */
	public FtpTarget toFtpTarget() {
		return new FtpTarget(this.host, this.port, this.username, this.password, this.remoteDir, this.transferMode,
				this.fileType);
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

	@Override
	public String toString() {
		return this.username + "@" + this.host + ":" + this.port + this.remoteDir + " (" + this.transferMode + ", "
				+ this.fileType + ")";
	}

}
