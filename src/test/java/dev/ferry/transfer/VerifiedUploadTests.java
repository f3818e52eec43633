package dev.ferry.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static dev.ferry.transfer.FtpServers.PASSWORD;
import static dev.ferry.transfer.FtpServers.USER;
import static dev.ferry.transfer.FtpServers.randomBytes;
import static dev.ferry.transfer.FtpServers.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Uploads are checked before they get their final name, with what the server offers:
 * {@code SIZE}, and the strongest of {@code XSHA256}, {@code HASH}, {@code MD5} (Apache
 * FtpServer's own) and {@code XCRC}. A server that answers a check with a different value
 * (a fixed reply stands in for a server that stored something else) fails the upload, and
 * nothing is published.
 */
class VerifiedUploadTests {

	private static final byte[] CONTENT = randomBytes(200_003);

	@TempDir
	Path root;

	private EmbeddedFtpServer server;

	private final FtpUploader uploader = new FtpUploader(
			new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)));

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void checksSizeAndTheServersSha256AndPublishesTheChecksumBeside() throws IOException {
		start(UnaryOperator.identity());

		UploadResult result = upload();

		assertThat(result.verification()).containsExactly("SIZE", "SHA-256");
		assertThat(result.sha256()).isEqualTo(sha256(CONTENT));
		assertThat(result.checksumPath()).isEqualTo("/v/f.bin.sha256");
		assertThat(this.root.resolve("v/f.bin")).hasBinaryContent(CONTENT);
		assertThat(this.root.resolve("v/f.bin.sha256")).hasContent(sha256(CONTENT) + "  f.bin");
		assertThat(names()).containsExactly("f.bin", "f.bin.sha256");
	}

	@Test
	void usesApacheFtpServersOwnMd5WhenThatIsTheBestOffered() {
		start((b) -> b.hashCommands(false).advertise("MD5"));

		assertThat(upload().verification()).containsExactly("SIZE", "MD5");
	}

	@Test
	void checksOnlyTheSizeWhenTheServerOffersNoHash() {
		start((b) -> b.hashCommands(false));

		UploadResult result = upload();

		assertThat(result.verification()).containsExactly("SIZE");
		assertThat(this.root.resolve("v/f.bin.sha256")).hasContent(sha256(CONTENT) + "  f.bin");
	}

	@Test
	void readsTheHashCommandAndCrcReplies() throws IOException {
		CRC32 crc = new CRC32();
		crc.update(CONTENT);
		start((b) -> b.hashCommands(false)
			.advertise("HASH SHA-1;SHA-256*;MD5")
			.refuse("OPTS", "200 SHA-256")
			.refuse("HASH", "213 SHA-256 0-" + CONTENT.length + " " + sha256(CONTENT) + " .f.bin.part"));
		assertThat(upload().verification()).containsExactly("SIZE", "SHA-256");
		this.server.close();
		// the next upload takes the same name, which Ferry would never replace
		FileSystemUtils.deleteRecursively(this.root.resolve("v"));

		start((b) -> b.hashCommands(false)
			.advertise("XCRC")
			.refuse("XCRC", "250 " + Long.toHexString(crc.getValue()).toUpperCase()));
		assertThat(upload().verification()).containsExactly("SIZE", "CRC32");
	}

	@Test
	void goesOnWithoutSizeWhenTheServerDoesNotImplementIt() {
		start((b) -> b.refuse("SIZE", "502 Command not implemented."));

		UploadResult result = upload();

		assertThat(result.verification()).containsExactly("SHA-256");
		assertThat(this.root.resolve("v/f.bin")).hasBinaryContent(CONTENT);
	}

	@Test
	void aServerThatOffersNeitherSizeNorAHashStillGetsTheArchiveWithAWarning() throws IOException {
		start((b) -> b.hashCommands(false).refuse("SIZE", "502 Command not implemented."));

		UploadResult result = upload();

		assertThat(result.verification()).isEmpty();
		assertThat(result.warnings()).singleElement()
			.asString()
			.startsWith("Not verified: the server offers no SIZE or hash")
			.contains("/v/f.bin", "200003 bytes");
		assertThat(this.root.resolve("v/f.bin")).hasBinaryContent(CONTENT);
	}

	@Test
	void inAsciiTypeAnArchiveThatNothingCouldCheckIsNotPublished() throws IOException {
		start((b) -> b.hashCommands(false).refuse("SIZE", "502 Command not implemented."));

		TransferException ex = catchThrowableOfType(TransferException.class, () -> upload(FileType.ASCII));

		assertThat(ex.phase()).isEqualTo(TransferPhase.VERIFY);
		assertThat(ex.isTransient()).isFalse();
		assertThat(ex).hasMessageContaining("the server offers neither SIZE nor a hash")
			.hasMessageContaining("ASCII rewrites line endings in binary archives: set fileType to BINARY");
		assertThat(names()).isEmpty();
	}

	@Test
	void inAsciiTypeAnArchiveThatSizeConfirmedIsPublished() throws IOException {
		start((b) -> b.hashCommands(false));
		// no line end in it, so ASCII leaves it as it is, and SIZE can say so
		byte[] text = "no line ends here".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

		UploadResult result = this.uploader.upload(new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER,
				PASSWORD, "/v", TransferMode.PASSIVE, FileType.ASCII), "f.txt", (out) -> out.write(text),
				new Transcript());

		assertThat(result.verification()).containsExactly("SIZE");
		assertThat(result.warnings()).isEmpty();
		assertThat(this.root.resolve("v/f.txt")).hasBinaryContent(text);
	}

	@Test
	void aSizeThatDiffersFailsTheUploadAndPublishesNothing() throws IOException {
		start((b) -> b.refuse("SIZE", "213 199999"));

		TransferException ex = catchThrowableOfType(TransferException.class, this::upload);

		assertThat(ex.phase()).isEqualTo(TransferPhase.VERIFY);
		assertThat(ex).hasMessageContaining("the server has 199999 bytes, Ferry sent 200003")
			.hasMessageContaining("cut short");
		assertThat(ex.isTransient()).as("a truncated binary upload may succeed next time").isTrue();
		assertThat(names()).isEmpty();
	}

	@Test
	void aHashThatDiffersFailsTheUploadAndPublishesNothing() throws IOException {
		start((b) -> b.refuse("XSHA256", "250 " + "0".repeat(64)));

		TransferException ex = catchThrowableOfType(TransferException.class, this::upload);

		assertThat(ex.phase()).isEqualTo(TransferPhase.VERIFY);
		assertThat(ex).hasMessageContaining("the server's SHA-256 is " + "0".repeat(64))
			.hasMessageContaining("Ferry sent " + sha256(CONTENT));
		assertThat(names()).isEmpty();
	}

	private void start(UnaryOperator<EmbeddedFtpServer.Builder> options) {
		this.server = options.apply(EmbeddedFtpServer.builder().rootDirectory(this.root).user(USER, PASSWORD))
			.build()
			.start();
	}

	private UploadResult upload() {
		return upload(FileType.BINARY);
	}

	private UploadResult upload(FileType type) {
		return this.uploader.upload(new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, PASSWORD, "/v",
				TransferMode.PASSIVE, type), "f.bin", (out) -> out.write(CONTENT), new Transcript());
	}

	private List<String> names() throws IOException {
		Path dir = this.root.resolve("v");
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
