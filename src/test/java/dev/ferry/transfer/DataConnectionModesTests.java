package dev.ferry.transfer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.ferry.transfer.FtpServers.PASSWORD;
import static dev.ferry.transfer.FtpServers.USER;
import static dev.ferry.transfer.FtpServers.filesUnder;
import static dev.ferry.transfer.FtpServers.randomBytes;
import static dev.ferry.transfer.FtpServers.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each transfer mode, fallback and data-connection failure against a real Apache
 * FtpServer on 127.0.0.1, configured to reproduce the situation.
 */
class DataConnectionModesTests {

	@TempDir
	Path root;

	private EmbeddedFtpServer server;

	private final AtomicInteger uploads = new AtomicInteger();

	private final FtpUploader uploader = new FtpUploader(
			new TransferProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3)));

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(value = DataCommand.class)
	void eachPinnedCommandUploadsByteForByteWithExactlyThatCommand(DataCommand command) {
		start(UnaryOperator.identity());
		byte[] bytes = randomBytes(300_001);
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(target(options(TransferMode.valueOf(command.name()))), "f.bin",
				(out) -> out.write(bytes), transcript);

		assertThat(result.remotePath()).isEqualTo("/in/f.bin");
		assertThat(result.modeUsed()).isEqualTo(command);
		assertThat(result.fallback()).isFalse();
		assertThat(result.bytesSent()).isEqualTo(bytes.length);
		assertThat(this.root.resolve("in/f.bin")).hasBinaryContent(bytes);
		assertThat(transcript.text()).contains("Command: " + command)
			.containsPattern(
					command.isPassive() ? "Status: Opening data connection to 127.0.0.1:\\d+ \\(" + command + "\\)"
							: "Status: Listening on 127.0.0.1:\\d+ for the server \\(" + command + "\\)");
		for (DataCommand other : DataCommand.values()) {
			if (other != command) {
				assertThat(transcript.text()).doesNotContain("Command: " + other);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = TransferMode.class, names = { "PASSIVE", "ACTIVE" })
	void overIpv6PassiveUsesEpsvAndActiveAnnouncesItsIpv6AddressWithEprt(TransferMode mode) {
		start((builder) -> builder.host("::1"));
		Transcript transcript = new Transcript();
		FtpTarget target = new FtpTarget("::1", this.server.port(), USER, PASSWORD, "/in", FileType.BINARY,
				options(mode), null, null);

		UploadResult result = this.uploader.upload(target, "f.bin", utf8("x"), transcript);

		assertThat(result.modeUsed()).isEqualTo((mode == TransferMode.PASSIVE) ? DataCommand.EPSV : DataCommand.EPRT);
		assertThat(this.root.resolve("in/f.bin")).hasContent("x");
		assertThat(transcript.text()).contains((mode == TransferMode.PASSIVE)
				? "Status: Opening data connection to [0:0:0:0:0:0:0:1]:" : "Command: EPRT |2|0:0:0:0:0:0:0:1|");
	}

	@Test
	void passiveUsesPasvUnlessTheServerListsEpsv() {
		start(UnaryOperator.identity());
		assertThat(upload(options(TransferMode.PASSIVE)).modeUsed()).isEqualTo(DataCommand.PASV);
		this.server.stop();

		start((builder) -> builder.advertise("EPSV"));
		assertThat(upload(options(TransferMode.PASSIVE)).modeUsed()).isEqualTo(DataCommand.EPSV);
	}

	@Test
	void passiveFallsBackToPasvInTheSameSessionWhenEpsvIsRefused() {
		start((builder) -> builder.advertise("EPSV").refuse("EPSV", "502 Command not implemented."));
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(target(options(TransferMode.PASSIVE)), "f.bin", utf8("x"),
				transcript);

		assertThat(result.modeUsed()).isEqualTo(DataCommand.PASV);
		assertThat(result.fallback()).isFalse();
		assertThat(this.root.resolve("in/f.bin")).hasContent("x");
		assertThat(transcript.text()).contains("Response: 502 Command not implemented.",
				"Retrying the transfer with PASV instead of EPSV");
		assertThat(transcript.text().split("Command: PASS", -1)).as("one login").hasSize(2);
	}

	@Test
	void activeFallsBackToEprtWhenPortIsRefused() {
		start((builder) -> builder.refuse("PORT", "500 PORT not understood."));

		UploadResult result = upload(options(TransferMode.ACTIVE));

		assertThat(result.modeUsed()).isEqualTo(DataCommand.EPRT);
		assertThat(this.root.resolve("in/f.bin")).hasContent("x");
	}

	@Test
	void aPinnedCommandThatIsRefusedIsNotReplaced() {
		start((builder) -> builder.refuse("EPSV", "502 Command not implemented."));

		DataConnectionException ex = catchThrowableOfType(DataConnectionException.class,
				() -> upload(options(TransferMode.EPSV)));

		assertThat(ex.getMessage()).contains("/in/.f.bin.part", "127.0.0.1:" + this.server.port(),
				"EPSV: the server refused EPSV (`502 Command not implemented.`)");
	}

	@Test
	void unreachablePassivePortsFailPassiveWithTheExplanation() {
		startWithUnreachablePassivePorts();

		DataConnectionException ex = catchThrowableOfType(DataConnectionException.class,
				() -> upload(options(TransferMode.PASSIVE)));

		assertThat(ex.phase()).isEqualTo(TransferPhase.DATA_CONNECTION);
		assertThat(ex.getMessage()).matches("Storing /in/.f.bin.part on 127.0.0.1:" + this.server.port()
				+ " failed: PASSIVE \\(PASV\\): connecting to 127.0.0.1:\\d+ \\(from `227 Entering Passive Mode "
				+ "\\(127,0,0,2,\\d+,\\d+\\)`\\) was refused — the server's firewall probably allows only ports 21/20. "
				+ "Use ACTIVE or AUTO, or open the passive port range on the server.");
		assertThat(filesUnder(this.root)).isEmpty();
	}

	@Test
	void passivePortsThatDropPacketsTimeOutWithTheExplanation() throws IOException {
		// A listener whose accept queue is full drops further SYNs, as a firewall that
		// silently drops packets does: the client's connect times out. Apache FtpServer
		// cannot announce such a port, so a scripted server does.
		try (ServerSocket blackHole = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = blackHole.getLocalPort();
			List<Socket> queued = FtpServers.fillAcceptQueue(blackHole);
			String pasv = "227 Entering Passive Mode (127,0,0,1," + (port >> 8) + "," + (port & 0xff) + ")";
			try (ScriptedFtpServer scripted = new ScriptedFtpServer(Map.of("PASV", pasv))) {
				FtpTarget target = new FtpTarget("127.0.0.1", scripted.port(), USER, PASSWORD, "", FileType.BINARY,
						options(TransferMode.PASSIVE), null, null);
				Instant start = Instant.now();

				DataConnectionException ex = catchThrowableOfType(DataConnectionException.class,
						() -> this.uploader.upload(target, "f.bin", utf8("x"), new Transcript()));

				assertThat(ex.getMessage()).isEqualTo("Storing .f.bin.part on 127.0.0.1:" + scripted.port()
						+ " failed: PASSIVE (PASV): connecting to 127.0.0.1:" + port + " (from `" + pasv
						+ "`) timed out after 2 s — a firewall probably drops packets to the server's passive "
						+ "ports. Use ACTIVE or AUTO, or open the passive port range on the server.");
				assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
			}
			finally {
				for (Socket socket : queued) {
					socket.close();
				}
			}
		}
	}

	@Test
	void autoFallsBackToActiveWhenPassivePortsAreUnreachableAndWritesTheContentOnce() {
		startWithUnreachablePassivePorts();
		AtomicInteger calls = new AtomicInteger();
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(target(options(TransferMode.AUTO)), "f.bin", (out) -> {
			calls.incrementAndGet();
			out.write(42);
		}, transcript);

		assertThat(result.modeUsed()).isEqualTo(DataCommand.PORT);
		assertThat(result.fallback()).isTrue();
		assertThat(calls).hasValue(1);
		assertThat(this.root.resolve("in/f.bin")).hasBinaryContent(new byte[] { 42 });
		assertThat(transcript.text()).contains("Error: AUTO (PASV): connecting to 127.0.0.1:",
				"Retrying the transfer with PORT instead of PASV", "Status: Listening on 127.0.0.1:");
	}

	@Test
	void autoTriesTheRememberedCommandFirst() {
		startWithUnreachablePassivePorts();
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(
				target(new DataOptions(TransferMode.AUTO, null, null, null, DataCommand.PORT)), "f.bin", utf8("x"),
				transcript);

		assertThat(result.modeUsed()).isEqualTo(DataCommand.PORT);
		assertThat(result.fallback()).isFalse();
		assertThat(transcript.text()).doesNotContain("Command: PASV", "Error:");
	}

	@Test
	void activeFailsWithTheExplanationWhenTheServerCannotConnectBack() {
		start(UnaryOperator.identity());
		// Announced where nothing listens: as if this host dropped inbound connections.
		DataOptions unreachable = new DataOptions(TransferMode.ACTIVE, null, null, "127.0.0.3", null);

		DataConnectionException ex = catchThrowableOfType(DataConnectionException.class, () -> upload(unreachable));

		assertThat(ex.getMessage()).matches("Storing /in/.f.bin.part on 127.0.0.1:" + this.server.port()
				+ " failed: ACTIVE \\(PORT\\): the server could not connect back to 127.0.0.3:\\d+ \\(`425 .*`\\) — "
				+ "this host does not accept inbound connections \\(firewall/NAT/pod\\). "
				+ "Use PASSIVE, or set activeExternalAddress and expose activePortRange.");
		assertThat(filesUnder(this.root)).isEmpty();
	}

	@Test
	void activeThatTheServerNeverConnectsBackToTimesOutAndAutoRetriesPassiveOnANewConnection() throws IOException {
		try (ScriptedFtpServer scripted = new ScriptedFtpServer(Map.of())) {
			FtpTarget active = new FtpTarget("127.0.0.1", scripted.port(), USER, PASSWORD, "", FileType.BINARY,
					options(TransferMode.ACTIVE), null, null);
			FtpTarget auto = new FtpTarget("127.0.0.1", scripted.port(), USER, PASSWORD, "", FileType.BINARY,
					new DataOptions(TransferMode.AUTO, null, null, null, DataCommand.PORT), null, null);
			Transcript transcript = new Transcript();
			FtpUploader impatient = new FtpUploader(
					new TransferProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1)));

			DataConnectionException ex = catchThrowableOfType(DataConnectionException.class,
					() -> impatient.upload(active, "f.bin", utf8("x"), new Transcript()));
			UploadResult result = impatient.upload(auto, "g.bin", utf8("over passive"), transcript);

			assertThat(ex.getMessage()).containsPattern("ACTIVE \\(PORT\\): the server did not connect back to "
					+ "127.0.0.1:\\d+ within 1 s \\(`150 ok, send it`\\) — this host does not accept inbound "
					+ "connections \\(firewall/NAT/pod\\). Use PASSIVE, or set activeExternalAddress and expose "
					+ "activePortRange.");
			assertThat(result.modeUsed()).isEqualTo(DataCommand.PASV);
			assertThat(result.fallback()).isTrue();
			// the archive, then its checksum file, both over passive
			assertThat(scripted.received()).asString().isEqualTo("over passive" + result.sha256() + "  g.bin\n");
			assertThat(transcript.text())
				.contains("Retrying the transfer with PASV instead of PORT, on a new connection");
			assertThat(transcript.text().split("Command: PASS", -1)).as("two logins").hasSize(3);
		}
	}

	@Test
	void autoRememberingPortFallsBackToPassiveWhenTheServerCannotConnectBack() {
		start(UnaryOperator.identity());
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(
				target(new DataOptions(TransferMode.AUTO, null, null, "127.0.0.3", DataCommand.PORT)), "f.bin",
				utf8("x"), transcript);

		assertThat(result.modeUsed()).isEqualTo(DataCommand.PASV);
		assertThat(result.fallback()).isTrue();
		assertThat(transcript.text()).contains("announced as 127.0.0.3:", "Response: 425",
				"Retrying the transfer with PASV instead of PORT");
		assertThat(this.root.resolve("in/f.bin")).hasContent("x");
	}

	@Test
	void aWrongAddressInThe227ReplyIsIgnoredWithControlHostAndNamedWithAnnounced() {
		start((builder) -> builder.passiveExternalAddress("127.0.0.2"));
		DataOptions announced = new DataOptions(TransferMode.PASV, PassiveAddress.ANNOUNCED, null, null, null);

		UploadResult result = upload(new DataOptions(TransferMode.PASV, PassiveAddress.CONTROL_HOST, null, null, null));
		DataConnectionException ex = catchThrowableOfType(DataConnectionException.class, () -> upload(announced));

		assertThat(result.modeUsed()).isEqualTo(DataCommand.PASV);
		assertThat(ex.getMessage()).contains("PASV: connecting to 127.0.0.2:", "was refused",
				"the server announced 127.0.0.2, a private address, instead of the address of the control "
						+ "connection (127.0.0.1)",
				"set passiveAddress to CONTROL_HOST");
	}

	@Test
	void activePortRangeSkipsTakenPorts() throws IOException {
		start(UnaryOperator.identity());
		List<ServerSocket> ports = FtpServers.consecutivePorts(3);
		int free = ports.get(1).getLocalPort();
		ports.get(1).close();
		try {
			PortRange range = new PortRange(ports.get(0).getLocalPort(), ports.get(2).getLocalPort());
			for (int i = 0; i < 3; i++) {
				Transcript transcript = new Transcript();
				UploadResult result = this.uploader.upload(
						target(new DataOptions(TransferMode.ACTIVE, null, range, null, null)), "f" + i + ".bin",
						utf8("x"), transcript);
				assertThat(result.modeUsed()).isEqualTo(DataCommand.PORT);
				assertThat(transcript.text()).contains("Listening on 127.0.0.1:" + free + " for the server (PORT)");
			}
		}
		finally {
			ports.get(0).close();
			ports.get(2).close();
		}
	}

	@Test
	void activePortRangeWithoutAFreePortSaysSo() throws IOException {
		start(UnaryOperator.identity());
		List<ServerSocket> ports = FtpServers.consecutivePorts(2);
		try {
			PortRange range = new PortRange(ports.get(0).getLocalPort(), ports.get(1).getLocalPort());

			DataConnectionException ex = catchThrowableOfType(DataConnectionException.class,
					() -> upload(new DataOptions(TransferMode.ACTIVE, null, range, null, null)));

			assertThat(ex.getMessage()).contains("ACTIVE (PORT): no free local port in activePortRange (127.0.0.1:"
					+ range + "): every port is " + "taken — widen activePortRange or free some of its ports.");
		}
		finally {
			for (ServerSocket socket : ports) {
				socket.close();
			}
		}
	}

	@Test
	void refusalsOfTheFileAreExplainedAndNeverCauseAFallback() {
		start((builder) -> builder.refuse("STOR", "552 Requested file action aborted. Exceeded storage allocation."));
		Transcript transcript = new Transcript();

		FtpTransferException ex = catchThrowableOfType(FtpTransferException.class,
				() -> this.uploader.upload(target(options(TransferMode.AUTO)), "f.bin", utf8("x"), transcript));

		assertThat(ex.phase()).isEqualTo(TransferPhase.TRANSFER);
		assertThat(ex.getMessage()).isEqualTo("Storing /in/.f.bin.part on 127.0.0.1:" + this.server.port()
				+ " failed: 552 Requested file action aborted. Exceeded storage allocation. — the server's disk or "
				+ "the user's quota is full");
		assertThat(transcript.text()).doesNotContain("Retrying", "Command: PORT");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "550 Permission denied.|the user may not write to /in/.f.bin.part",
					"452 Insufficient storage space.|the server's disk or the user's quota is full",
					"553 File name not allowed.|the server does not allow this file name (/in/.f.bin.part)" })
	void refusedFilesAreExplained(String reply, String explanation) {
		start((builder) -> builder.refuse("STOR", reply));

		FtpTransferException ex = catchThrowableOfType(FtpTransferException.class,
				() -> upload(options(TransferMode.PASSIVE)));

		assertThat(ex.getMessage()).contains("Storing /in/.f.bin.part on 127.0.0.1:" + this.server.port() + " failed: "
				+ reply + " — " + explanation);
	}

	@Test
	void keepAliveSendsNoopsDuringASlowUploadAndReadsTheirReplies() {
		start(UnaryOperator.identity());
		Timeouts timeouts = new Timeouts(null, null, Duration.ofMillis(200));
		FtpTarget target = new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, PASSWORD, "/in",
				FileType.BINARY, options(TransferMode.PASSIVE), null, timeouts);
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(target, "slow.bin", (out) -> {
			for (int i = 0; i < 10; i++) {
				out.write(i);
				out.flush();
				sleep(100);
			}
		}, transcript);

		assertThat(result.bytesSent()).isEqualTo(10);
		assertThat(this.root.resolve("in/slow.bin")).hasBinaryContent(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
		long noops = transcript.text().lines().filter((line) -> line.endsWith("Command: NOOP")).count();
		assertThat(noops).isGreaterThanOrEqualTo(3);
		assertThat(transcript.text().lines().filter((line) -> line.contains("Response: 200 Command NOOP okay.")))
			.hasSize((int) noops);
		assertThat(transcript.text()).contains("Response: 226", "Command: RNFR");
	}

	private void startWithUnreachablePassivePorts() {
		// Passive sockets listen on 127.0.0.2 but the client connects to the control
		// host,
		// 127.0.0.1: the connect is refused, as a firewall that allows only 21/20 does.
		start((builder) -> builder.passiveAddress("127.0.0.2"));
	}

	private void start(UnaryOperator<EmbeddedFtpServer.Builder> customizer) {
		this.server = customizer.apply(EmbeddedFtpServer.builder().rootDirectory(this.root).user(USER, PASSWORD))
			.build()
			.start();
	}

	private UploadResult upload(DataOptions options) {
		// a new name each time: an upload never replaces a file
		int upload = this.uploads.incrementAndGet();
		return this.uploader.upload(target(options), (upload == 1) ? "f.bin" : "f" + upload + ".bin", utf8("x"),
				new Transcript());
	}

	private FtpTarget target(DataOptions options) {
		return new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, PASSWORD, "/in", FileType.BINARY,
				options, null, null);
	}

	private static DataOptions options(TransferMode mode) {
		return DataOptions.of(mode);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
