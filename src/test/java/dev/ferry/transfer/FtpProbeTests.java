package dev.ferry.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.ferry.demo.EmbeddedFtpServer;
import dev.ferry.transfer.ProbeReport.Result;
import dev.ferry.transfer.ProbeReport.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.ferry.transfer.FtpServers.PASSWORD;
import static dev.ferry.transfer.FtpServers.USER;
import static dev.ferry.transfer.FtpServers.filesUnder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Probes against Apache FtpServer in the situations a user meets.
 */
class FtpProbeTests {

	@TempDir
	Path root;

	private EmbeddedFtpServer server;

	private final FtpProbe probe = new FtpProbe(
			new TransferProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3)));

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void everyCommandWorksAgainstAWellConfiguredServer() throws Exception {
		start(UnaryOperator.identity());
		Files.createDirectories(this.root.resolve("in"));

		ProbeReport report = this.probe.probe(target("/in", PASSWORD, TransferMode.PASSIVE));

		assertThat(report.steps()).extracting(Step::name).containsExactly("connect", "login");
		assertThat(report.steps()).allMatch(Step::ok);
		assertThat(report.steps().get(0).detail()).startsWith("220");
		assertThat(report.results()).extracting(Result::mode)
			.containsExactly(DataCommand.PASV, DataCommand.EPSV, DataCommand.PORT, DataCommand.EPRT);
		assertThat(report.results()).allSatisfy((result) -> assertThat(result.ok()).as(result.detail()).isTrue());
		// FtpServer does not list EPSV, so PASSIVE will use PASV.
		assertThat(report.recommended()).isEqualTo(DataCommand.PASV);
		assertThat(report.recommendedMode()).isEqualTo(TransferMode.PASSIVE);
		assertThat(report.features()).contains("SIZE", "UTF8");
		assertThat(report.transcript()).contains("Command: STOR .ferry-probe-", "Command: DELE .ferry-probe-");
		assertThat(filesUnder(this.root)).isEmpty();
	}

	@Test
	void recommendsTheConfiguredModeWhenItWorks() throws Exception {
		start((builder) -> builder.advertise("EPSV"));

		assertThat(this.probe.probe(target("", PASSWORD, TransferMode.PASSIVE)).recommended())
			.isEqualTo(DataCommand.EPSV);
		ProbeReport active = this.probe.probe(target("", PASSWORD, TransferMode.ACTIVE));
		assertThat(active.recommended()).isEqualTo(DataCommand.PORT);
		assertThat(active.recommendedMode()).isEqualTo(TransferMode.ACTIVE);
	}

	@Test
	void unreachablePassivePortsRecommendActiveAndExplainThePassiveFailures() {
		start((builder) -> builder.passiveAddress("127.0.0.2").advertise("EPSV"));

		ProbeReport report = this.probe.probe(target("", PASSWORD, TransferMode.PASSIVE));

		assertThat(report.results()).extracting(Result::mode, Result::ok)
			.containsExactly(tuple(DataCommand.PASV, false), tuple(DataCommand.EPSV, false),
					tuple(DataCommand.PORT, true), tuple(DataCommand.EPRT, true));
		assertThat(report.results().get(0).detail()).contains("PASV: connecting to 127.0.0.1:",
				"(from `227 Entering Passive Mode (127,0,0,2,", "was refused",
				"Use ACTIVE or AUTO, or open the passive port range on the server.");
		assertThat(report.results().get(1).detail()).contains("EPSV: connecting to 127.0.0.1:",
				"(from `229 Entering Passive Mode (|||");
		assertThat(report.recommended()).isEqualTo(DataCommand.PORT);
		assertThat(report.recommendedMode()).isEqualTo(TransferMode.ACTIVE);
		assertThat(filesUnder(this.root)).isEmpty();
	}

	@Test
	void aFailedLoginEndsTheProbeWithoutRevealingThePassword() {
		start(UnaryOperator.identity());

		ProbeReport report = this.probe.probe(target("", "wrong-Pa55w0rd", TransferMode.PASSIVE));

		assertThat(report.steps()).extracting(Step::name, Step::ok)
			.containsExactly(tuple("connect", true), tuple("login", false));
		assertThat(report.steps().get(1).detail()).contains("530", "check user name and password");
		assertThat(report.results()).isEmpty();
		assertThat(report.recommended()).isNull();
		assertThat(report.recommendedMode()).isNull();
		assertThat(report.toString()).doesNotContain("wrong-Pa55w0rd");
		assertThat(report.transcript()).contains("Command: PASS ****");
	}

	@Test
	void aMissingRemoteDirectoryIsCreatedAsTheFirstUploadWouldAndLeftEmpty() {
		start(UnaryOperator.identity());

		ProbeReport report = this.probe.probe(target("/missing/dir", PASSWORD, TransferMode.PASSIVE));

		assertThat(report.results()).hasSize(4).allSatisfy((result) -> assertThat(result.ok()).isTrue());
		assertThat(this.root.resolve("missing/dir")).isEmptyDirectory();
	}

	@Test
	void aRemoteDirectoryThatCannotBeCreatedFailsEveryResultWithTheReason() throws Exception {
		start(UnaryOperator.identity());
		Files.writeString(this.root.resolve("taken"), "a file, not a directory");

		ProbeReport report = this.probe.probe(target("/taken/dir", PASSWORD, TransferMode.PASSIVE));

		assertThat(report.results()).hasSize(4)
			.allSatisfy((result) -> assertThat(result.detail()).contains("Creating directory /taken", "550"));
		assertThat(report.recommended()).isNull();
	}

	@Test
	void anUnreachableServerFailsTheConnectStep() throws Exception {
		int port = FtpServers.freePort();

		ProbeReport report = this.probe.probe(new FtpTarget("127.0.0.1", port, USER, PASSWORD, "", null, null));

		assertThat(report.steps()).singleElement().satisfies((step) -> {
			assertThat(step.name()).isEqualTo("connect");
			assertThat(step.ok()).isFalse();
			assertThat(step.detail()).contains("127.0.0.1:" + port, "Connection refused");
		});
	}

	@Test
	void recommendationPrefersTheConfiguredModeThenPassiveThenActiveThenAPinnedCommand() {
		TransferMode.ServerTraits ipv4 = new TransferMode.ServerTraits(false, false);

		assertThat(FtpProbe.recommendMode(TransferMode.AUTO, ipv4, Set.of(DataCommand.values())))
			.isEqualTo(TransferMode.AUTO);
		assertThat(FtpProbe.recommendMode(TransferMode.PORT, ipv4, Set.of(DataCommand.values())))
			.isEqualTo(TransferMode.PORT);
		assertThat(FtpProbe.recommendMode(TransferMode.AUTO, ipv4, EnumSet.of(DataCommand.PORT, DataCommand.EPRT)))
			.isEqualTo(TransferMode.ACTIVE);
		assertThat(FtpProbe.recommendMode(TransferMode.PASSIVE, ipv4, EnumSet.of(DataCommand.EPSV)))
			.isEqualTo(TransferMode.EPSV);
		assertThat(FtpProbe.recommendMode(TransferMode.PASSIVE, ipv4, EnumSet.noneOf(DataCommand.class))).isNull();
	}

	private void start(UnaryOperator<EmbeddedFtpServer.Builder> customizer) {
		this.server = customizer.apply(EmbeddedFtpServer.builder().rootDirectory(this.root).user(USER, PASSWORD))
			.build()
			.start();
	}

	private FtpTarget target(String remoteDir, String password, TransferMode mode) {
		return new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, password, remoteDir, FileType.BINARY,
				DataOptions.of(mode), null, null);
	}

}
