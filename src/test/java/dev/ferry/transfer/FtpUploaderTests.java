package dev.ferry.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Uploads against a real Apache FtpServer on 127.0.0.1, port 0.
 */
class FtpUploaderTests {

	private static final String USER = "ferry";

	private static final String PASSWORD = "s3cret-Pa55";

	@TempDir
	Path root;

	private EmbeddedFtpServer server;

	private final FtpUploader uploader = new FtpUploader(
			new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)));

	@BeforeEach
	void startServer() {
		this.server = EmbeddedFtpServer.builder().rootDirectory(this.root).user(USER, PASSWORD).build().start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@ParameterizedTest
	@CsvSource({ "PASSIVE, PASV", "ACTIVE, PORT" })
	void uploadsBinaryBytesUnchangedIntoNewNestedDirectory(TransferMode mode, String command) throws IOException {
		byte[] bytes = randomBytes(3 * 1024 * 1024 + 17);

		UploadResult result = this.uploader.upload(target("/a/b/c", mode, FileType.BINARY), "backup.tar.gz",
				(out) -> out.write(bytes), new Transcript());

		assertThat(result).isEqualTo(new UploadResult("/a/b/c/backup.tar.gz", "backup.tar.gz",
				DataCommand.valueOf(command), false, bytes.length, FtpServers.sha256(bytes), List.of("SIZE", "SHA-256"),
				"/a/b/c/backup.tar.gz.sha256", List.of()));
		assertThat(this.root.resolve("a/b/c/backup.tar.gz")).hasBinaryContent(bytes);
		assertThat(this.root.resolve("a/b/c/backup.tar.gz.sha256"))
			.hasContent(FtpServers.sha256(bytes) + "  backup.tar.gz");
		assertThat(filesUnder(this.root)).containsExactly(this.root.resolve("a/b/c/backup.tar.gz"),
				this.root.resolve("a/b/c/backup.tar.gz.sha256"));
	}

	@Test
	void uploadsThroughAPinnedPassivePort(@TempDir Path otherRoot) throws IOException {
		int passivePort = freePort();
		try (EmbeddedFtpServer pinned = EmbeddedFtpServer.builder()
			.rootDirectory(otherRoot)
			.user(USER, PASSWORD)
			.passivePorts(String.valueOf(passivePort))
			.build()
			.start()) {
			FtpTarget target = new FtpTarget(EmbeddedFtpServer.HOST, pinned.port(), USER, PASSWORD, "", null, null);

			this.uploader.upload(target, "one.bin", utf8("1"), new Transcript());
			this.uploader.upload(target, "two.bin", utf8("2"), new Transcript());

			assertThat(otherRoot.resolve("one.bin")).hasContent("1");
			assertThat(otherRoot.resolve("two.bin")).hasContent("2");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a/b", "..", ".", "a\\b", "new\nline" })
	void rejectsFileNamesThatAreNotPlainBeforeConnecting(String fileName) {
		FtpTarget target = new FtpTarget("127.0.0.1", 1, USER, PASSWORD, "", null, null);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.uploader.upload(target, fileName, utf8("x"), new Transcript()));
	}

	@Test
	void uploadsIntoDirectoryRelativeToLoginDirectory() {
		UploadResult result = this.uploader.upload(target("x/y", TransferMode.PASSIVE, FileType.BINARY), "f.bin",
				(out) -> out.write(new byte[] { 1, 2, 3 }), new Transcript());

		assertThat(result.remotePath()).isEqualTo("x/y/f.bin");
		assertThat(this.root.resolve("x/y/f.bin")).hasBinaryContent(new byte[] { 1, 2, 3 });
	}

	@Test
	void uploadsIntoLoginDirectoryWhenRemoteDirIsRoot() {
		UploadResult result = this.uploader.upload(target("/", TransferMode.PASSIVE, FileType.BINARY), "f.bin",
				(out) -> out.write(42), new Transcript());

		assertThat(result.remotePath()).isEqualTo("f.bin");
		assertThat(this.root.resolve("f.bin")).hasBinaryContent(new byte[] { 42 });
	}

	@Test
	void asciiTypeRewritingLineEndsFailsVerificationAndPublishesNothing() {
		// Commons Net turns LF into CRLF on the wire; Apache FtpServer turns CR, LF and
		// CRLF into its line.separator ("\n" here). Bytes with LF only survive that round
		// trip; CRLF becomes LF, which is what ASCII type does to a binary archive.
		assertThat(System.lineSeparator()).isEqualTo("\n");
		this.uploader.upload(target("", TransferMode.PASSIVE, FileType.ASCII), "lf.txt", utf8("a\nb\n"),
				new Transcript());
		this.uploader.upload(target("", TransferMode.PASSIVE, FileType.BINARY), "crlf.bin", utf8("a\r\nb\r\n"),
				new Transcript());

		TransferException ascii = catchThrowableOfType(TransferException.class,
				() -> this.uploader.upload(target("", TransferMode.PASSIVE, FileType.ASCII), "crlf.txt",
						utf8("a\r\nb\r\n"), new Transcript()));

		assertThat(this.root.resolve("lf.txt")).hasBinaryContent(bytes("a\nb\n"));
		assertThat(this.root.resolve("crlf.bin")).hasBinaryContent(bytes("a\r\nb\r\n"));
		assertThat(ascii.phase()).isEqualTo(TransferPhase.VERIFY);
		assertThat(ascii.isTransient()).isFalse();
		assertThat(ascii).hasMessageContaining("the server has 4 bytes, Ferry sent 6")
			.hasMessageContaining("ASCII transfer type rewrote line endings")
			.hasMessageContaining("BINARY");
		assertThat(filesUnder(this.root)).noneMatch((file) -> file.getFileName().toString().contains("crlf.txt"));
	}

	@Test
	void neverReplacesAnExistingFileOfTheSameNameAndLeavesNothingOfItsOwn() {
		this.uploader.upload(target("/r", TransferMode.PASSIVE, FileType.BINARY), "same.bin", utf8("old"),
				new Transcript());

		assertThatExceptionOfType(TransferException.class)
			.isThrownBy(() -> this.uploader.upload(target("/r", TransferMode.PASSIVE, FileType.BINARY), "same.bin",
					utf8("new!"), new Transcript()))
			.withMessageContaining("every name it may take is taken")
			.withMessageContaining("never replaces a file it did not create");

		assertThat(this.root.resolve("r/same.bin")).hasBinaryContent(bytes("old"));
		assertThat(this.root.resolve("r/same.bin.sha256")).hasContent(FtpServers.sha256(bytes("old")) + "  same.bin");
		assertThat(filesUnder(this.root)).containsExactlyInAnyOrder(this.root.resolve("r/same.bin"),
				this.root.resolve("r/same.bin.sha256"));
	}

	@Test
	void wrongPasswordFailsInLoginPhaseWithoutRevealingIt() {
		FtpTarget target = new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, "wrong-Pa55w0rd", "",
				TransferMode.PASSIVE, FileType.BINARY);

		FtpLoginException ex = catchThrowableOfType(FtpLoginException.class,
				() -> this.uploader.upload(target, "f.bin", utf8("x"), new Transcript()));

		assertThat(ex.phase()).isEqualTo(TransferPhase.LOGIN);
		assertThat(ex.getMessage()).contains(USER + "@127.0.0.1:" + this.server.port())
			.contains("530")
			.doesNotContain("wrong-Pa55w0rd");
	}

	@Test
	void nothingListeningFailsInConnectPhaseNamingHostAndPort() throws IOException {
		int port = freePort();
		FtpTarget target = new FtpTarget("127.0.0.1", port, USER, PASSWORD, "", null, null);

		assertThatExceptionOfType(FtpConnectException.class)
			.isThrownBy(() -> this.uploader.upload(target, "f.bin", utf8("x"), new Transcript()))
			.withMessageContaining("127.0.0.1:" + port)
			.withMessageContaining("Connection refused")
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(TransferPhase.CONNECT));
	}

	@Test
	void unreachablePassiveDataPortFailsFastNamingModeCommandAndAddress(@TempDir Path otherRoot) {
		// The server's data socket listens on 127.0.0.2, but Commons Net (since 3.9)
		// ignores
		// the address in the 227 reply and connects to the control address, 127.0.0.1.
		try (EmbeddedFtpServer misconfigured = EmbeddedFtpServer.builder()
			.rootDirectory(otherRoot)
			.user(USER, PASSWORD)
			.passiveAddress("127.0.0.2")
			.build()
			.start()) {
			FtpUploader impatient = new FtpUploader(
					new TransferProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));
			FtpTarget target = new FtpTarget(EmbeddedFtpServer.HOST, misconfigured.port(), USER, PASSWORD, "/in",
					TransferMode.PASSIVE, FileType.BINARY);

			DataConnectionException ex = assertTimeoutPreemptively(Duration.ofSeconds(20),
					() -> catchThrowableOfType(DataConnectionException.class,
							() -> impatient.upload(target, "f.bin", utf8("x"), new Transcript())));

			assertThat(ex.phase()).isEqualTo(TransferPhase.DATA_CONNECTION);
			assertThat(ex.getMessage()).contains("PASSIVE (PASV): connecting to 127.0.0.1:", "(from `227 ",
					"was refused", "/in/.f.bin.part", "127.0.0.1:" + misconfigured.port(),
					"Use ACTIVE or AUTO, or open the passive port range on the server.");
			assertThat(filesUnder(otherRoot)).isEmpty();
		}
	}

	@Test
	void producerFailureAbortsUploadRemovesPartialFileAndPropagatesSameException() {
		IllegalStateException failure = new IllegalStateException("source directory vanished");

		assertThatThrownBy(
				() -> this.uploader.upload(target("/p", TransferMode.PASSIVE, FileType.BINARY), "f.bin", (out) -> {
					out.write(randomBytes(1024 * 1024));
					throw failure;
				}, new Transcript()))
			.isSameAs(failure);
		assertThat(filesUnder(this.root)).isEmpty();
	}

	@Test
	void writeFailureBecomesTransferExceptionAndRemovesPartialFile() {
		assertThatExceptionOfType(FtpTransferException.class).isThrownBy(
				() -> this.uploader.upload(target("/w", TransferMode.ACTIVE, FileType.BINARY), "f.bin", (out) -> {
					out.write(randomBytes(100_000));
					throw new IOException("Broken pipe");
				}, new Transcript()))
			.withMessageContaining("/w/.f.bin.part")
			.withMessageContaining("after 100000 bytes")
			.withMessageContaining("Broken pipe")
			.withMessageContaining("server reply: 426")
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(TransferPhase.TRANSFER));
		assertThat(filesUnder(this.root)).isEmpty();
	}

	@Test
	void remoteDirThatIsAFileFailsNamingTheDirectoryAndReply() throws IOException {
		Files.writeString(this.root.resolve("taken"), "I am a file");

		assertThatExceptionOfType(FtpTransferException.class)
			.isThrownBy(() -> this.uploader.upload(target("/taken/sub", TransferMode.PASSIVE, FileType.BINARY), "f.bin",
					utf8("x"), new Transcript()))
			.withMessageContaining("Creating directory /taken")
			.withMessageContaining("127.0.0.1:" + this.server.port())
			.withMessageContaining("550");
	}

	@Test
	void streamsIntoTheServerWhileContentIsStillBeingWritten() {
		int chunk = 64 * 1024;
		int chunks = 128;
		byte[] block = randomBytes(chunk);
		Path part = this.root.resolve("s/.stream.bin.part");
		AtomicLong seenWhileWriting = new AtomicLong();

		UploadResult result = this.uploader.upload(target("/s", TransferMode.PASSIVE, FileType.BINARY), "stream.bin",
				(out) -> {
					for (int i = 0; i < chunks; i++) {
						out.write(block);
					}
					await().atMost(Duration.ofSeconds(30))
						.until(() -> Files.exists(part) && Files.size(part) >= 6L * 1024 * 1024);
					seenWhileWriting.set(Files.size(part));
				}, new Transcript());

		assertThat(seenWhileWriting.get()).isGreaterThanOrEqualTo(6L * 1024 * 1024);
		assertThat(result.bytesSent()).isEqualTo((long) chunk * chunks);
		assertThat(this.root.resolve("s/stream.bin")).hasSize((long) chunk * chunks);
	}

	private FtpTarget target(String remoteDir, TransferMode mode, FileType type) {
		return new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, PASSWORD, remoteDir, mode, type);
	}

	private static UploadContent utf8(String text) {
		return (out) -> out.write(bytes(text));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	private static List<Path> filesUnder(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			return paths.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
