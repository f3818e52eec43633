package dev.ferry.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.ferry.IntegrationTest;
import dev.ferry.RenameThenHangUp;
import dev.ferry.SourceTree;
import dev.ferry.TestFtp;
import dev.ferry.demo.EmbeddedFtpServer;
import dev.ferry.retention.BackupFileNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run never replaces or deletes what it did not create, and what it records is what is
 * on the server: against the shared in-process FTP server, and servers of its own that
 * lack SIZE and hashes or hold back the reply to the final rename.
 */
class NothingReplacedEndToEndTests extends IntegrationTest {

	@TempDir
	static Path sources;

	@TempDir
	Path ftpRoot;

	@Test
	void filesUnderTheNamesARunWouldTakeStayByteForByteAndTheRunStillPublishes() throws IOException {
		Path dir = Files.createDirectories(TestFtp.root().resolve("backups/taken"));
		ObjectNode request = jobRequest("taken", SourceTree.create(sources, "t"), "PASSIVE");
		long jobId = createJob(request);
		// The names the next run would take, and their second choice: its run id is one
		// of the next few, it starts within the next seconds.
		JsonNode newest = this.api.get("/api/runs?size=1").json().path("content");
		long lastRun = newest.isEmpty() ? 0 : newest.get(0).path("id").asLong();
		BackupFileNames names = new BackupFileNames("taken", ".tar.gz");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Map<Path, byte[]> foreign = new LinkedHashMap<>();
		Random random = new Random(42);
		for (long run = lastRun + 1; run <= lastRun + 3; run++) {
			for (Instant second = now.minusSeconds(2); second
				.isBefore(now.plusSeconds(40)); second = second.plusSeconds(1)) {
				for (int alternative = 0; alternative < 2; alternative++) {
					byte[] bytes = new byte[64];
					random.nextBytes(bytes);
					Path file = dir.resolve(names.archiveName(second, run, alternative));
					Files.write(file, bytes);
					foreign.put(file, bytes);
				}
			}
		}

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		String published = run.path("remotePath").asString();
		String name = published.substring(published.lastIndexOf('/') + 1);
		assertThat(name).matches("taken-\\d{8}-\\d{6}-r" + run.path("id").asLong() + "-3\\.tar\\.gz");
		assertThat(TestFtp.root().resolve(published.substring(1))).exists();
		assertThat(TestFtp.root().resolve(run.path("checksumPath").asString().substring(1))).exists();
		foreign.forEach((file, bytes) -> assertThat(file).hasBinaryContent(bytes));
		assertThat(this.api.get("/api/runs/" + run.path("id").asLong() + "/transcript").body())
			.contains("already exists: taken-")
			.doesNotContain("Command: DELE taken-");
	}

	@Test
	void partialUploadsThatInterruptedRunsLeftAreRemovedWithoutRetentionAndNothingElse() throws IOException {
		Path dir = Files.createDirectories(TestFtp.root().resolve("backups/leftovers"));
		List<String> leftovers = List.of(".leftovers-20250101-000000-r5.tar.gz.part",
				".leftovers-20250101-000000-r5.tar.gz.sha256.part", ".leftovers-20241231-000000.tar.gz.part");
		List<String> foreign = List.of(".someone.part", ".leftovers-nightly-20250101-000000.tar.gz.part",
				"leftovers-20250101-000000-r5.tar.gz", ".Leftovers-20250101-000000-r5.tar.gz.part");
		for (String name : leftovers) {
			Files.writeString(dir.resolve(name), "partial");
		}
		for (String name : foreign) {
			Files.writeString(dir.resolve(name), "not a leftover of the job");
		}
		long jobId = createJob(jobRequest("leftovers", SourceTree.create(sources, "l"), "PASSIVE"));

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("pruned").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrderElementsOf(leftovers);
		for (String name : leftovers) {
			assertThat(dir.resolve(name)).doesNotExist();
		}
		for (String name : foreign) {
			assertThat(dir.resolve(name)).hasContent("not a leftover of the job");
		}
	}

	@Test
	void aRunThatNothingCouldVerifySucceedsSayingSoOnTheApiAndTheDashboard() {
		try (EmbeddedFtpServer server = ownServer(
				(b) -> b.hashCommands(false).refuse("SIZE", "502 Command not implemented."))) {
			long jobId = createJob(jobRequest("unverified", SourceTree.create(sources, "u"), server, "BINARY"));

			JsonNode run = runNow(jobId);

			assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
			assertThat(run.path("verification").size()).isZero();
			assertThat(run.path("warnings").toString()).contains("Not verified: the server offers no SIZE or hash");
			assertThat(this.api.page("/runs/" + run.path("id").asLong()).body())
				.contains("Not verified: the server offers no SIZE or hash");

			long asciiJob = createJob(jobRequest("unverified-ascii", SourceTree.create(sources, "a"), server, "ASCII"));
			JsonNode ascii = runNow(asciiJob);

			assertThat(ascii.path("status").asString()).isEqualTo("FAILED");
			assertThat(ascii.path("error").path("type").asString()).isEqualTo("VERIFY");
			assertThat(ascii.path("error").path("message").asString())
				.contains("ASCII rewrites line endings in binary archives");
			assertThat(names(this.ftpRoot.resolve("backups/unverified-ascii"))).isEmpty();
		}
	}

	@Test
	void aCancelThatComesWhileTheArchiveIsRenamedLeavesItPublishedAndSaysSo() throws Exception {
		CountDownLatch renaming = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Path dir = this.ftpRoot.resolve("backups/late-cancel");
		RenameThenHangUp slowRename = new RenameThenHangUp(dir, (name) -> name.endsWith(".tar.gz"), true) {
			@Override
			protected void afterRename() throws InterruptedException {
				renaming.countDown();
				// longer than a cancel waits before it closes the control connection
				release.await(20, TimeUnit.SECONDS);
			}
		};
		try (EmbeddedFtpServer server = ownServer((b) -> b.ftplet("slow-rename", slowRename))) {
			long jobId = createJob(jobRequest("late-cancel", SourceTree.create(sources, "c"), server, "BINARY"));
			long runId = this.api.post("/api/jobs/" + jobId + "/runs", "").id();
			assertThat(renaming.await(30, TimeUnit.SECONDS)).isTrue();

			assertThat(this.api.post("/api/runs/" + runId + "/cancel", "").status()).isEqualTo(202);
			JsonNode run = awaitEnd(runId);

			assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
			assertThat(run.path("warnings").toString()).contains("A cancel was requested while")
				.contains("the archive is published and stays");
			String published = run.path("remotePath").asString();
			assertThat(this.ftpRoot.resolve(published.substring(1))).exists();
			assertThat(this.ftpRoot.resolve(run.path("checksumPath").asString().substring(1)))
				.hasContent(run.path("sha256").asString() + "  " + published.substring(published.lastIndexOf('/') + 1));
		}
		finally {
			release.countDown();
		}
	}

	private EmbeddedFtpServer ownServer(java.util.function.UnaryOperator<EmbeddedFtpServer.Builder> options) {
		return options
			.apply(EmbeddedFtpServer.builder().rootDirectory(this.ftpRoot).user(TestFtp.USER, TestFtp.PASSWORD))
			.build()
			.start();
	}

	private static ObjectNode jobRequest(String name, Path source, EmbeddedFtpServer server, String fileType) {
		ObjectNode request = jobRequest(name, source, "PASSIVE");
		((ObjectNode) request.path("target")).put("port", server.port()).put("fileType", fileType);
		return request;
	}

	private static List<String> names(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
