package dev.ferry.transfer;

/**
 * How data connections are opened.
 *
 * @param mode the transfer mode; {@code null} means {@link TransferMode#PASSIVE}
 * @param passiveAddress where passive connections go; {@code null} means
 * {@link PassiveAddress#CONTROL_HOST}
 * @param activePortRange local ports for active mode; {@code null} means any free port
 * @param activeExternalAddress the address announced in {@code PORT}/{@code EPRT} when
 * this host sits behind NAT or in a pod (the listener still binds locally); {@code null}
 * means the local address of the control connection
 * @param remembered for {@link TransferMode#AUTO}: the command that worked last time,
 * tried first; {@code null} when nothing is known yet
 */
public record DataOptions(TransferMode mode, PassiveAddress passiveAddress, PortRange activePortRange,
		String activeExternalAddress, DataCommand remembered) {

	public DataOptions {
		mode = (mode != null) ? mode : TransferMode.PASSIVE;
		passiveAddress = (passiveAddress != null) ? passiveAddress : PassiveAddress.CONTROL_HOST;
	}

	/** Only a mode, everything else by default. */
	public static DataOptions of(TransferMode mode) {
		return new DataOptions(mode, null, null, null, null);
	}

}
