package dev.ferry.transfer;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modes' choices, and the data-connection arguments, without a server.
 */
class TransferModeTests {

	private static final TransferMode.ServerTraits PLAIN_IPV4 = new TransferMode.ServerTraits(false, false);

	private static final TransferMode.ServerTraits EPSV_LISTED = new TransferMode.ServerTraits(true, false);

	private static final TransferMode.ServerTraits IPV6 = new TransferMode.ServerTraits(false, true);

	@Test
	void passiveAndActiveChooseByFeaturesAndAddressFamily() {
		assertThat(TransferMode.PASSIVE.first(PLAIN_IPV4, null)).isEqualTo(DataCommand.PASV);
		assertThat(TransferMode.PASSIVE.first(EPSV_LISTED, null)).isEqualTo(DataCommand.EPSV);
		assertThat(TransferMode.PASSIVE.first(IPV6, null)).isEqualTo(DataCommand.EPSV);
		assertThat(TransferMode.ACTIVE.first(PLAIN_IPV4, null)).isEqualTo(DataCommand.PORT);
		assertThat(TransferMode.ACTIVE.first(IPV6, null)).isEqualTo(DataCommand.EPRT);
	}

	@Test
	void refusedCommandsAreReplacedWithinTheirDirectionUnlessPinned() {
		assertThat(TransferMode.PASSIVE.substituteFor(DataCommand.EPSV)).isEqualTo(DataCommand.PASV);
		assertThat(TransferMode.ACTIVE.substituteFor(DataCommand.PORT)).isEqualTo(DataCommand.EPRT);
		assertThat(TransferMode.AUTO.substituteFor(DataCommand.EPSV)).isEqualTo(DataCommand.PASV);
		assertThat(TransferMode.PASSIVE.substituteFor(DataCommand.PASV)).isNull();
		assertThat(TransferMode.EPSV.substituteFor(DataCommand.EPSV)).isNull();
		assertThat(TransferMode.PORT.substituteFor(DataCommand.PORT)).isNull();
	}

	@Test
	void onlyAutoFallsBackToTheOtherDirectionAndItStartsWithWhatWorkedLastTime() {
		assertThat(TransferMode.AUTO.first(PLAIN_IPV4, null)).isEqualTo(DataCommand.PASV);
		assertThat(TransferMode.AUTO.first(PLAIN_IPV4, DataCommand.PORT)).isEqualTo(DataCommand.PORT);
		assertThat(TransferMode.AUTO.fallbackAfter(DataCommand.PASV, PLAIN_IPV4)).isEqualTo(DataCommand.PORT);
		assertThat(TransferMode.AUTO.fallbackAfter(DataCommand.PORT, EPSV_LISTED)).isEqualTo(DataCommand.EPSV);
		assertThat(TransferMode.PASSIVE.fallbackAfter(DataCommand.PASV, PLAIN_IPV4)).isNull();
		assertThat(TransferMode.ACTIVE.fallbackAfter(DataCommand.PORT, PLAIN_IPV4)).isNull();
		assertThat(TransferMode.PASV.first(EPSV_LISTED, DataCommand.PORT)).isEqualTo(DataCommand.PASV);
	}

	@Test
	void writesPortAndEprtArgumentsForIpv4AndIpv6() throws Exception {
		InetAddress v4 = InetAddress.getByName("10.0.0.7");
		InetAddress v6 = InetAddress.getByName("2001:db8::7");

		assertThat(ActiveArguments.port(v4, 40007)).isEqualTo("10,0,0,7,156,71");
		assertThat(ActiveArguments.eprt(v4, 40007)).isEqualTo("|1|10.0.0.7|40007|");
		assertThat(ActiveArguments.eprt(v6, 40007)).isEqualTo("|2|2001:db8:0:0:0:0:0:7|40007|");
	}

	@Test
	void readsPassiveRepliesAndChoosesTheAddress() throws Exception {
		InetAddress control = InetAddress.getByName("198.51.100.1");
		String[] pasv = { "227 Entering Passive Mode (203,0,113,5,156,75)." };

		assertThat(PassiveReplies.address(DataCommand.PASV, pasv, control, PassiveAddress.CONTROL_HOST))
			.isEqualTo(new InetSocketAddress(control, 40011));
		assertThat(PassiveReplies.address(DataCommand.PASV, pasv, control, PassiveAddress.ANNOUNCED))
			.isEqualTo(new InetSocketAddress(InetAddress.getByName("203.0.113.5"), 40011));
		assertThat(PassiveReplies.address(DataCommand.PASV, new String[] { "227 (0,0,0,0,156,75)" }, control,
				PassiveAddress.ANNOUNCED))
			.isEqualTo(new InetSocketAddress(control, 40011));
		assertThat(PassiveReplies.address(DataCommand.EPSV,
				new String[] { "229 Entering Extended Passive Mode (|||40123|)" }, control, PassiveAddress.ANNOUNCED))
			.isEqualTo(new InetSocketAddress(control, 40123));
		assertThat(PassiveReplies.address(DataCommand.PASV, new String[] { "227 garbage" }, control,
				PassiveAddress.CONTROL_HOST))
			.isNull();
	}

}
