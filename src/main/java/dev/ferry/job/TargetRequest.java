package dev.ferry.job;

import dev.ferry.transfer.FileType;
import dev.ferry.transfer.PassiveAddress;
import dev.ferry.transfer.Security;
import dev.ferry.transfer.TransferMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The FTP server to upload to, as a client sends it within a job or to
 * {@code POST /api/targets/probe}. Omitted parts are {@code null}; see the README for
 * what an omission means.
 */
public record TargetRequest(
		@NotBlank @Size(max = 253) @Pattern(regexp = HOST_PATTERN,
				message = "must be a host name or IP address without spaces, '/' or '@'") String host,
		@Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535,
				message = "must be between 1 and 65535") Integer port,
		@NotBlank @Size(max = 128) String username, @Size(max = 256) String password,
		@Size(max = 1024) String remoteDir, TransferMode transferMode, FileType fileType, PassiveAddress passiveAddress,
		@Size(max = 11) String activePortRange,
		@Size(max = 253) @Pattern(regexp = HOST_PATTERN,
				message = "must be a host name or IP address without spaces, '/' or '@'") String activeExternalAddress,
		Security security, @Size(max = 20000) String tlsTrustedCertificate, Boolean tlsInsecure,
		@Size(max = 20) String connectTimeout, @Size(max = 20) String dataTimeout,
		@Size(max = 20) String controlKeepAlive) {

	static final String HOST_PATTERN = "[^\\s/@]+";

	/** A plain-FTP target with everything but the basics by default. */
	public TargetRequest(String host, Integer port, String username, String password, String remoteDir,
			TransferMode transferMode, FileType fileType) {
		this(host, port, username, password, remoteDir, transferMode, fileType, null, null, null, null, null, null,
				null, null, null);
	}

	Security securityOrDefault() {
		return (this.security != null) ? this.security : Security.NONE;
	}

	/** 21, or 990 for implicit TLS. */
	int portOrDefault() {
		return (this.port != null) ? this.port : securityOrDefault().defaultPort();
	}

	String remoteDirOrDefault() {
		return (this.remoteDir != null) ? this.remoteDir.trim() : "";
	}

	TransferMode transferModeOrDefault() {
		return (this.transferMode != null) ? this.transferMode : TransferMode.PASSIVE;
	}

	FileType fileTypeOrDefault() {
		return (this.fileType != null) ? this.fileType : FileType.BINARY;
	}

	PassiveAddress passiveAddressOrDefault() {
		return (this.passiveAddress != null) ? this.passiveAddress : PassiveAddress.CONTROL_HOST;
	}

	boolean tlsInsecureOrDefault() {
		return this.tlsInsecure != null && this.tlsInsecure;
	}

	/** Keeps the password out of logs and error messages. */
	@Override
	public String toString() {
		return "TargetRequest[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "****" : "null") + ", remoteDir=" + this.remoteDir + ", transferMode="
				+ this.transferMode + ", fileType=" + this.fileType + ", security=" + this.security + "]";
	}

}
