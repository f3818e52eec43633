package dev.ferry.transfer;

import org.apache.commons.net.ftp.FTPClient;

/**
 * How the data connection of a transfer is opened. Each mode knows how to apply itself to
 * a Commons Net client and what to suggest when it fails.
 */
public enum TransferMode {

	/**
	 * The client connects to the server: {@code PASV} on IPv4, {@code EPSV} on IPv6.
	 * Works through most client-side firewalls and NAT.
	 */
	PASSIVE("try ACTIVE mode, or check the server's passive address and passive port range "
			+ "(firewall or NAT in front of the server)") {

		@Override
		void applyTo(FTPClient client) {
			client.enterLocalPassiveMode();
		}

	},

	/**
	 * The server connects back to the client: {@code PORT} on IPv4, {@code EPRT} on IPv6.
	 * Needs the server to reach this host.
	 */
	ACTIVE("try PASSIVE mode; in ACTIVE mode the server must be able to connect back to this host") {

		@Override
		void applyTo(FTPClient client) {
			client.enterLocalActiveMode();
		}

	};

	private final String remedy;

	TransferMode(String remedy) {
		this.remedy = remedy;
	}

	/**
	 * Configures the client so that its next data connection uses this mode. Commons Net
	 * resets the mode on every connect, so call this after connecting.
	 * @param client a connected client
	 */
	abstract void applyTo(FTPClient client);

	/**
	 * What to try instead when a data connection in this mode fails.
	 * @return advice for an error message
	 */
	String remedy() {
		return this.remedy;
	}

}
