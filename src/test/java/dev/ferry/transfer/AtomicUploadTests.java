package dev.ferry.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.ferry.RenameThenHangUp;
import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.ferry.transfer.FtpServers.PASSWORD;
import static dev.ferry.transfer.FtpServers.USER;
import static dev.ferry.transfer.FtpServers.randomBytes;
import static dev.ferry.transfer.FtpServers.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An upload never replaces or deletes a file it did not create, and after a lost reply
 * goes by what is on the server — against a real Apache FtpServer, made to lose a reply
 * (or hold it back) by an Ftplet that carries out a rename itself.
 */
class AtomicUploadTests {

	private static final byte[] CONTENT = randomBytes(100_003);

	@TempDir
	Path root;

	private EmbeddedFtpServer server;

	private final FtpUploader uploader = new FtpUploader(
			new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)));

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void takesTheFirstFreeNameAndLeavesWhatWasUnderTheOthersByteForByte() throws IOException {
		start(UnaryOperator.identity());
		Path dir = Files.createDirectories(this.root.resolve("d"));
		byte[] archive = randomBytes(1001);
		byte[] partial = randomBytes(1002);
		byte[] checksum = randomBytes(1003);
		Files.write(dir.resolve("f.bin"), archive);
		// hidden, as a listing without -a would leave it out
		Files.write(dir.resolve(".f-2.bin.part"), partial);
		Files.write(dir.resolve("f-3.bin.sha256"), checksum);
		Transcript transcript = new Transcript();

		UploadResult result = upload(transcript);

		assertThat(result.fileName()).isEqualTo("f-4.bin");
		assertThat(result.remotePath()).isEqualTo("/d/f-4.bin");
		assertThat(dir.resolve("f-4.bin")).hasBinaryContent(CONTENT);
		assertThat(dir.resolve("f-4.bin.sha256")).hasContent(sha256(CONTENT) + "  f-4.bin");
		assertThat(dir.resolve("f.bin")).hasBinaryContent(archive);
		assertThat(dir.resolve(".f-2.bin.part")).hasBinaryContent(partial);
		assertThat(dir.resolve("f-3.bin.sha256")).hasBinaryContent(checksum);
		assertThat(names(dir)).containsExactly(".f-2.bin.part", "f-3.bin.sha256", "f-4.bin", "f-4.bin.sha256", "f.bin");
		assertThat(transcript.text()).doesNotContain("Command: DELE")
			.contains("/d/f.bin already exists: f.bin is not used");
	}

	@Test
	void whereTheServerAnswersNeitherMdtmNorSizeTheListingDecidesInAnySpelling() throws IOException {
		start((b) -> b.refuse("MDTM", "502 Command not implemented.").refuse("SIZE", "502 Command not implemented."));
		Path dir = Files.createDirectories(this.root.resolve("d"));
		byte[] someoneElses = randomBytes(999);
		// as a case-insensitive server would take it for f.bin
		Files.write(dir.resolve("F.BIN"), someoneElses);

		UploadResult result = upload(new Transcript());

		assertThat(result.fileName()).isEqualTo("f-2.bin");
		assertThat(result.warnings()).isEmpty();
		assertThat(dir.resolve("F.BIN")).hasBinaryContent(someoneElses);
		assertThat(names(dir)).containsExactly("F.BIN", "f-2.bin", "f-2.bin.sha256");
	}

	@Test
	void aFileThatAppearsUnderTheFinalNameWhileUploadingIsNeitherReplacedNorDeleted() throws IOException {
		start(UnaryOperator.identity());
		Path dir = Files.createDirectories(this.root.resolve("d"));
		byte[] someoneElses = randomBytes(777);
		Transcript transcript = new Transcript();

		TransferException ex = catchThrowableOfType(TransferException.class,
				() -> this.uploader.upload(target(FileType.BINARY), "f.bin", (out) -> {
					out.write(CONTENT);
					Files.write(dir.resolve("f.bin"), someoneElses);
				}, transcript));

		assertThat(ex).hasMessageContaining("/d/f.bin")
			.hasMessageContaining("appeared on the server while Ferry uploaded")
			.hasMessageContaining("never replaces a file it did not create");
		assertThat(dir.resolve("f.bin")).hasBinaryContent(someoneElses);
		assertThat(names(dir)).containsExactly("f.bin");
		assertThat(transcript.text().lines()).noneMatch((line) -> line.endsWith("Command: DELE f.bin"));
	}

	@Test
	void whenTheRenameIsRefusedOnlyWhatTheUploadCreatedIsDeleted() throws IOException {
		// a server that cannot tell whether f.bin exists: it answers neither MDTM nor
		// SIZE and lists nothing; Apache FtpServer refuses to rename onto a file
		start((b) -> b.refuse("MDTM", "502 Command not implemented.")
			.refuse("SIZE", "502 Command not implemented.")
			.refuse("NLST", "550 No files found."));
		Path dir = Files.createDirectories(this.root.resolve("d"));
		byte[] someoneElses = randomBytes(555);
		Files.write(dir.resolve("f.bin"), someoneElses);
		Transcript transcript = new Transcript();

		TransferException ex = catchThrowableOfType(TransferException.class,
				() -> this.uploader.upload(target(FileType.BINARY), "f.bin", (out) -> out.write(CONTENT), transcript));

		assertThat(ex).hasMessageContaining("Renaming .f.bin.part to /d/f.bin");
		assertThat(dir.resolve("f.bin")).hasBinaryContent(someoneElses);
		assertThat(names(dir)).containsExactly("f.bin");
		assertThat(transcript.text().lines()).noneMatch((line) -> line.endsWith("Command: DELE f.bin"))
			.anyMatch((line) -> line.endsWith("Command: DELE .f.bin.part"))
			.anyMatch((line) -> line.endsWith("Command: DELE f.bin.sha256"));
	}

	@Test
	void aRenameWhoseReplyIsLostIsFoundDoneOnANewConnection() throws IOException {
		start((b) -> b.ftplet("hang-up", new RenameThenHangUp(this.root.resolve("d"), "f.bin"::equals, true)));
		Transcript transcript = new Transcript();

		UploadResult result = this.uploader.upload(target(FileType.BINARY), "f.bin", (out) -> out.write(CONTENT),
				transcript);

		assertThat(result.remotePath()).isEqualTo("/d/f.bin");
		assertThat(result.warnings()).singleElement()
			.asString()
			.contains("The reply to renaming .f.bin.part to f.bin was lost")
			.contains("the rename happened");
		assertThat(this.root.resolve("d/f.bin")).hasBinaryContent(CONTENT);
		assertThat(names(this.root.resolve("d"))).containsExactly("f.bin", "f.bin.sha256");
		assertThat(transcript.text()).contains("looking on a new connection whether it happened");
	}

	@Test
	void aRenameWhoseReplyIsLostAndThatDidNotHappenFailsAndLeavesNothing() throws IOException {
		start((b) -> b.ftplet("hang-up", new RenameThenHangUp(this.root.resolve("d"), "f.bin"::equals, false)));

		TransferException ex = catchThrowableOfType(TransferException.class, () -> this.uploader
			.upload(target(FileType.BINARY), "f.bin", (out) -> out.write(CONTENT), new Transcript()));

		assertThat(ex).hasMessageContaining("Renaming .f.bin.part to /d/f.bin");
		assertThat(names(this.root.resolve("d"))).isEmpty();
	}

	@Test
	void aCancelDuringTheFinalRenameKeepsWhatWasPublished() throws Exception {
		CountDownLatch renaming = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		start((b) -> b.ftplet("slow", new RenameThenHangUp(this.root.resolve("d"), "f.bin"::equals, true) {
			@Override
			protected void afterRename() throws InterruptedException {
				renaming.countDown();
				// longer than the grace a cancel gives a step before it closes the
				// control
				// connection
				release.await(20, TimeUnit.SECONDS);
			}
		}));
		Cancellation cancellation = new Cancellation();

		try (RemoteDirectory directory = this.uploader.open(target(FileType.BINARY), new Transcript(), cancellation)) {
			CompletableFuture<UploadResult> upload = CompletableFuture
				.supplyAsync(() -> directory.upload("f.bin", (out) -> out.write(CONTENT)));
			assertThat(renaming.await(20, TimeUnit.SECONDS)).isTrue();
			cancellation.cancel();
			UploadResult result = upload.get(30, TimeUnit.SECONDS);

			assertThat(result.warnings()).anySatisfy(
					(warning) -> assertThat(warning).contains("A cancel was requested while /d/f.bin was being renamed")
						.contains("the archive is published and stays"));
		}
		finally {
			release.countDown();
		}
		assertThat(this.root.resolve("d/f.bin")).hasBinaryContent(CONTENT);
		assertThat(this.root.resolve("d/f.bin.sha256")).hasContent(sha256(CONTENT) + "  f.bin");
	}

	private UploadResult upload(Transcript transcript) {
		try (RemoteDirectory directory = this.uploader.open(target(FileType.BINARY), transcript, new Cancellation())) {
			return directory.upload((n) -> (n == 0) ? "f.bin" : "f-" + (n + 1) + ".bin", (out) -> out.write(CONTENT));
		}
	}

	private void start(UnaryOperator<EmbeddedFtpServer.Builder> options) {
		this.server = options.apply(EmbeddedFtpServer.builder().rootDirectory(this.root).user(USER, PASSWORD))
			.build()
			.start();
	}

	private FtpTarget target(FileType type) {
		return new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, PASSWORD, "/d", TransferMode.PASSIVE,
				type);
	}

	private static List<String> names(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
