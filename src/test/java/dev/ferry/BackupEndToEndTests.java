package dev.ferry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of a backup over real protocols: a job defined over HTTP, run now, its
 * tar.gz streamed to a real FTP server, downloaded again and compared entry by entry with
 * the source tree.
 */
class BackupEndToEndTests extends IntegrationTest {

	@TempDir
	static Path sources;

	@ParameterizedTest(name = "{0} uploads with {1}")
	@CsvSource({ "PASSIVE, PASV", "ACTIVE, PORT" })
	void aBackupLandsOnTheServerAndRestoresFaithfully(String transferMode, String command) throws Exception {
		String name = "e2e-" + transferMode.toLowerCase();
		Path source = SourceTree.create(sources, "www-" + transferMode.toLowerCase());
		long jobId = createJob(jobRequest(name, source, transferMode));

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("error").isNull()).isTrue();
		assertThat(run.path("trigger").asString()).isEqualTo("MANUAL");
		assertThat(run.path("jobId").asLong()).isEqualTo(jobId);
		assertThat(run.path("jobName").asString()).isEqualTo(name);
		assertThat(run.path("transferModeUsed").asString()).isEqualTo(command);
		assertThat(run.path("finishedAt").asString()).isNotBlank();
		String remotePath = run.path("remotePath").asString();
		assertThat(remotePath)
			.matches("/backups/" + name + "/" + name + "-\\d{8}-\\d{6}-r" + run.path("id").asLong() + "\\.tar\\.gz");

		byte[] archive = TestFtp.download(remotePath);
		Map<String, TarGzContents.Entry> expected = TarGzContents.expected(source, SourceTree::excluded);
		Map<String, TarGzContents.Entry> actual = TarGzContents.read(archive);
		assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
		assertThat(actual).containsKeys(source.getFileName() + "/" + SourceTree.LONG_PATH,
				source.getFileName() + "/" + SourceTree.UTF8_NAME, source.getFileName() + "/empty");

		assertThat(run.path("bytesUploaded").asLong()).isEqualTo(archive.length);
		assertThat(run.path("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)));
		assertThat(run.path("filesArchived").asLong())
			.isEqualTo(expected.values().stream().filter((e) -> !e.type().equals("dir")).count());
		assertThat(run.path("bytesRead").asLong()).isEqualTo(sizeOfFiles(source));
		String fileName = Path.of(remotePath).getFileName().toString();
		assertThat(remoteFiles("backups/" + name)).containsExactlyInAnyOrder(fileName, fileName + ".sha256");
		assertThat(run.path("verification").toString()).isEqualTo("[\"SIZE\",\"SHA-256\"]");
		assertThat(run.path("checksumPath").asString()).isEqualTo(remotePath + ".sha256");
		assertThat(sha256sumCheck(archive, TestFtp.download(remotePath + ".sha256"), fileName))
			.isEqualTo(fileName + ": OK");
	}

	/**
	 * What {@code sha256sum -c} says of the archive and its checksum file, as a restore
	 * would check them.
	 */
	private static String sha256sumCheck(byte[] archive, byte[] checksum, String fileName) throws Exception {
		Path dir = Files.createTempDirectory(sources, "restore");
		Files.write(dir.resolve(fileName), archive);
		Files.write(dir.resolve(fileName + ".sha256"), checksum);
		Process check = new ProcessBuilder("sha256sum", "-c", fileName + ".sha256").directory(dir.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes()).strip();
		assertThat(check.waitFor()).as(output).isZero();
		return output;
	}

	@Test
	void aWrongPasswordFailsTheRunWithTheServersReplyAndWithoutThePassword() {
		Path source = SourceTree.create(sources, "login");
		ObjectNode request = jobRequest("wrong-password", source, "PASSIVE");
		((ObjectNode) request.path("target")).put("password", "not-the-" + TestFtp.PASSWORD);
		long jobId = createJob(request);

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).isEqualTo("FAILED");
		assertThat(run.path("error").path("type").asString()).isEqualTo("LOGIN");
		assertThat(run.path("error").path("message").asString()).contains("127.0.0.1:" + TestFtp.port())
			.contains("530")
			.doesNotContain(TestFtp.PASSWORD);
		assertThat(run.path("remotePath").isNull()).isTrue();
	}

	@Test
	void aServerThatDoesNotAnswerFailsTheRunNamingHostAndPort() throws IOException {
		int closedPort;
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		Path source = SourceTree.create(sources, "refused");
		ObjectNode request = jobRequest("connection-refused", source, "PASSIVE");
		((ObjectNode) request.path("target")).put("port", closedPort);
		long jobId = createJob(request);

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).isEqualTo("FAILED");
		assertThat(run.path("error").path("type").asString()).isEqualTo("CONNECT");
		assertThat(run.path("error").path("message").asString()).contains("127.0.0.1:" + closedPort);
	}

	@Test
	void aSourceThatVanishedFailsTheRunNamingThePathAndLeavesNothingOnTheServer() throws IOException {
		Path source = SourceTree.create(sources, "vanishing");
		long jobId = createJob(jobRequest("vanished-source", source, "PASSIVE"));
		deleteTree(source);

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).isEqualTo("FAILED");
		assertThat(run.path("error").path("type").asString()).isEqualTo("SOURCE");
		assertThat(run.path("error").path("message").asString()).contains(source.toString());
		assertThat(remoteFiles("backups/vanished-source")).isEmpty();
	}

	@Test
	void aMissingSourceIsTheReportedProblemEvenWhenTheServerIsDownToo() throws IOException {
		int closedPort;
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		Path source = SourceTree.create(sources, "gone-too");
		ObjectNode request = jobRequest("source-and-server-gone", source, "PASSIVE");
		((ObjectNode) request.path("target")).put("port", closedPort);
		long jobId = createJob(request);
		deleteTree(source);

		JsonNode run = runNow(jobId);

		assertThat(run.path("error").path("type").asString()).isEqualTo("SOURCE");
		assertThat(run.path("error").path("message").asString()).contains(source.toString());
	}

	private static long sizeOfFiles(Path source) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			return paths.filter((p) -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
				.filter((p) -> !SourceTree.excluded(source.relativize(p).toString()))
				.mapToLong((p) -> p.toFile().length())
				.sum();
		}
	}

	private static java.util.List<String> remoteFiles(String dir) throws IOException {
		Path remote = TestFtp.root().resolve(dir);
		if (!Files.isDirectory(remote)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.list(remote)) {
			return files.map((p) -> p.getFileName().toString()).toList();
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
