package dev.ferry.transfer;

/**
 * Where a passive data connection goes.
 */
public enum PassiveAddress {

	/**
	 * To the host of the control connection, ignoring the address inside the {@code 227}
	 * reply: what works when the server sits behind NAT and announces a private address.
	 */
	CONTROL_HOST,
	/** To the address the server announced in its {@code 227} reply. */
	ANNOUNCED

}
