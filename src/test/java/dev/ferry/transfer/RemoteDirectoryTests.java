package dev.ferry.transfer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.ferry.demo.EmbeddedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.ferry.transfer.FtpServers.PASSWORD;
import static dev.ferry.transfer.FtpServers.USER;
import static dev.ferry.transfer.FtpServers.freePort;
import static dev.ferry.transfer.FtpServers.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One login for upload, listing and deleting; cancelling from another thread at any step;
 * and which failures are worth a retry — against a real Apache FtpServer (throttled where
 * a slow upload is needed), with fixed replies only for refusals it cannot be made to
 * give.
 */
class RemoteDirectoryTests {

	@TempDir
	Path root;

	private EmbeddedFtpServer server;

	private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();

	private final FtpUploader uploader = new FtpUploader(
			new TransferProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)));

	@AfterEach
	void stop() {
		this.canceller.shutdownNow();
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void listsAndDeletesOnTheLoginThatUploaded() throws IOException {
		start(UnaryOperator.identity());
		Files.createDirectories(this.root.resolve("d/sub"));
		Files.writeString(this.root.resolve("d/old.txt"), "old");
		Files.writeString(this.root.resolve("d/.left-by-a-crash.part"), "partial");

		try (RemoteDirectory directory = open("/d", new Cancellation())) {
			directory.upload("new.bin", (out) -> out.write(1));
			// hidden ones included
			assertThat(directory.listFileNames()).containsExactlyInAnyOrder("old.txt", ".left-by-a-crash.part", "sub",
					"new.bin", "new.bin.sha256");
			directory.delete("old.txt");
			assertThat(directory.listFileNames()).doesNotContain("old.txt");
		}
		assertThat(this.root.resolve("d/old.txt")).doesNotExist();
	}

	@Test
	void listsAnEmptyDirectoryAsEmpty() {
		start(UnaryOperator.identity());

		try (RemoteDirectory directory = open("/empty", new Cancellation())) {
			assertThat(directory.listFileNames()).isEmpty();
		}
	}

	@Test
	void aRefusedDeleteNamesTheFileAndTheReply() {
		start((b) -> b.refuse("DELE", "550 Permission denied."));
		try (RemoteDirectory directory = open("/d", new Cancellation())) {
			TransferException ex = catchThrowableOfType(TransferException.class, () -> directory.delete("x.tar.gz"));

			assertThat(ex).hasMessageContaining("Deleting /d/x.tar.gz").hasMessageContaining("550 Permission denied.");
			assertThat(ex.isTransient()).isFalse();
		}
	}

	@Test
	void aThrottledUploadIsCancelledWithinSecondsAndLeavesNothing() throws IOException {
		start((b) -> b.uploadRate(64 * 1024));
		Cancellation cancellation = new Cancellation();
		byte[] content = randomBytes(4 * 1024 * 1024);

		try (RemoteDirectory directory = open("/slow", cancellation)) {
			this.canceller.schedule(cancellation::cancel, 1, TimeUnit.SECONDS);
			long start = System.nanoTime();
			TransferException ex = catchThrowableOfType(TransferException.class,
					() -> directory.upload("big.bin", (out) -> out.write(content)));
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(ex).isInstanceOf(TransferCancelledException.class).hasMessageContaining("Cancelled while");
			assertThat(ex.isTransient()).isFalse();
			// 4 MB at 64 KB/s would take a minute
			assertThat(took).isLessThan(Duration.ofSeconds(10));
		}
		assertThat(names("slow")).isEmpty();
	}

	@Test
	void aConnectToASilentServerIsCancelledWithinSeconds() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
			List<Socket> accepted = new ArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				}
				catch (IOException ex) {
					// closed: done
				}
			});
			acceptor.start();
			Cancellation cancellation = new Cancellation();
			FtpTarget target = new FtpTarget("127.0.0.1", silent.getLocalPort(), USER, PASSWORD, "/",
					TransferMode.PASSIVE, FileType.BINARY);
			CompletableFuture<Object> opening = CompletableFuture.supplyAsync(() -> {
				try (RemoteDirectory directory = this.uploader.open(target, new Transcript(), cancellation)) {
					return directory;
				}
				catch (RuntimeException ex) {
					return ex;
				}
			});
			this.canceller.schedule(cancellation::cancel, 500, TimeUnit.MILLISECONDS);

			Object outcome = opening.get(6, TimeUnit.SECONDS);

			assertThat(outcome).isInstanceOf(TransferCancelledException.class);
		}
	}

	@Test
	void nothingStartsOnceCancelled() {
		start(UnaryOperator.identity());
		Cancellation cancellation = new Cancellation();
		cancellation.cancel();

		TransferException ex = catchThrowableOfType(TransferException.class, () -> open("/c", cancellation));

		assertThat(ex).isInstanceOf(TransferCancelledException.class);
	}

	@Test
	void tellsTransientFailuresFromPermanentOnes() throws IOException {
		int nothingListens = freePort();
		FtpTarget refused = new FtpTarget("127.0.0.1", nothingListens, USER, PASSWORD, "/", TransferMode.PASSIVE,
				FileType.BINARY);
		assertThat(failure(refused).phase()).isEqualTo(TransferPhase.CONNECT);
		assertThat(failure(refused).isTransient()).isTrue();

		start(UnaryOperator.identity());
		FtpTarget wrongPassword = new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, "nope", "/",
				TransferMode.PASSIVE, FileType.BINARY);
		assertThat(failure(wrongPassword).phase()).isEqualTo(TransferPhase.LOGIN);
		assertThat(failure(wrongPassword).isTransient()).isFalse();
		this.server.close();

		for (String reply : List.of("550 Permission denied.", "552 Quota exceeded.", "553 Bad file name.",
				"452 Disk full.")) {
			assertThat(storeRefusedWith(reply).isTransient()).as(reply).isFalse();
		}
		for (String reply : List.of("421 Too many users, try later.", "450 File busy.", "451 Local error.")) {
			assertThat(storeRefusedWith(reply).isTransient()).as(reply).isTrue();
		}
	}

	private TransferException storeRefusedWith(String reply) {
		start((b) -> b.refuse("STOR", reply));
		try {
			return failure(new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, PASSWORD, "/",
					TransferMode.PASSIVE, FileType.BINARY));
		}
		finally {
			this.server.close();
		}
	}

	private TransferException failure(FtpTarget target) {
		return catchThrowableOfType(TransferException.class,
				() -> this.uploader.upload(target, "f.bin", (out) -> out.write(1), new Transcript()));
	}

	private void start(UnaryOperator<EmbeddedFtpServer.Builder> options) {
		this.server = options.apply(EmbeddedFtpServer.builder().rootDirectory(this.root).user(USER, PASSWORD))
			.build()
			.start();
	}

	private RemoteDirectory open(String remoteDir, Cancellation cancellation) {
		return this.uploader.open(new FtpTarget(EmbeddedFtpServer.HOST, this.server.port(), USER, PASSWORD, remoteDir,
				TransferMode.PASSIVE, FileType.BINARY), new Transcript(), cancellation);
	}

	private List<String> names(String dir) throws IOException {
		Path path = this.root.resolve(dir);
		if (!Files.isDirectory(path)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(path)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
