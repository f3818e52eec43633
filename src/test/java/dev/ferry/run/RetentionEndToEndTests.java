package dev.ferry.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.ferry.Api;
import dev.ferry.IntegrationTest;
import dev.ferry.SourceTree;
import dev.ferry.TestFtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on a real FTP server, in a directory the job shares with files that are not
 * its own: only the job's old archives, their checksum files and its leftover partial
 * uploads are deleted.
 */
class RetentionEndToEndTests extends IntegrationTest {

	@TempDir
	static Path sources;

	@Test
	void prunesOnlyTheJobsOwnOldArchivesAndPreviewsItFirst() throws Exception {
		Path dir = Files.createDirectories(TestFtp.root().resolve("backups/shared"));
		List<String> old = List.of("keep-20250101-020000.tar.gz", "keep-20250102-020000.tar.gz",
				"keep-20250103-020000.tar.gz");
		for (String name : old) {
			Files.writeString(dir.resolve(name), "old archive");
			Files.writeString(dir.resolve(name + ".sha256"), "0  " + name + "\n");
		}
		List<String> foreign = List.of("notes.txt", "keep-nightly-20200101-000000.tar.gz",
				"keep-20200101-000000.tar.gz.bak", "keeper-20200101-000000.tar.gz", "KEEP-20200101-000000.tar.gz");
		for (String name : foreign) {
			Files.writeString(dir.resolve(name), "not the job's");
		}
		Files.writeString(dir.resolve(".keep-20241231-235959.tar.gz.part"), "left by a crash");
		Files.writeString(dir.resolve("keep-20241230-000000.tar.gz.sha256"), "orphan");
		ObjectNode request = jobRequest("keep", SourceTree.create(sources, "kept"), "PASSIVE");
		((ObjectNode) request.path("target")).put("remoteDir", "/backups/shared");
		request.putObject("retention").put("keepLast", 2);
		long jobId = createJob(request);

		JsonNode preview = this.api.get("/api/jobs/" + jobId + "/retention/preview").json();
		assertThat(preview.path("retention").asBoolean()).isTrue();
		assertThat(preview.path("keep").findValuesAsString("name")).containsExactly(old.get(2), old.get(1));
		assertThat(preview.path("keep").get(0).path("reasons").toString()).contains("last");
		assertThat(preview.path("delete").toString()).contains(old.get(0), old.get(0) + ".sha256",
				".keep-20241231-235959.tar.gz.part", "keep-20241230-000000.tar.gz.sha256");
		assertThat(preview.path("ignored").toString()).contains("notes.txt", "keep-nightly-20200101-000000.tar.gz");
		assertThat(names(dir)).contains(old.get(0));

		JsonNode run = runNow(jobId);

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		String uploaded = Path.of(run.path("remotePath").asString()).getFileName().toString();
		assertThat(names(dir)).containsExactlyInAnyOrder(uploaded, uploaded + ".sha256", old.get(2),
				old.get(2) + ".sha256", foreign.get(0), foreign.get(1), foreign.get(2), foreign.get(3), foreign.get(4));
		assertThat(run.path("pruned").toString()).contains(old.get(0), old.get(1), old.get(1) + ".sha256",
				".keep-20241231-235959.tar.gz.part");
		assertThat(run.path("warnings").size()).as(run.toString()).isZero();
		for (String name : foreign) {
			assertThat(Files.readString(dir.resolve(name))).isEqualTo("not the job's");
		}
	}

	@Test
	void aPreviewChangesNothingOnTheServerNotEvenAMissingDirectory() {
		ObjectNode request = jobRequest("preview-only", SourceTree.create(sources, "p"), "PASSIVE");
		((ObjectNode) request.path("target")).put("remoteDir", "/backups/not-yet/made");
		request.putObject("retention").put("keepLast", 2);
		long jobId = createJob(request);

		Api.Response preview = this.api.as(Api.VIEWER, Api.VIEWER_PASSWORD)
			.get("/api/jobs/" + jobId + "/retention/preview");

		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().path("keep").size()).isZero();
		assertThat(preview.json().path("delete").size()).isZero();
		assertThat(preview.json().path("note").asString()).contains("/backups/not-yet")
			.contains("it does not exist or the user may not enter it")
			.contains("nothing to keep or delete yet");
		assertThat(TestFtp.root().resolve("backups/not-yet")).doesNotExist();
	}

	private static List<String> names(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
