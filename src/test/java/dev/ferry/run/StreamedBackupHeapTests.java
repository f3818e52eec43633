package dev.ferry.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import dev.ferry.archive.ArchiveFormat;
import dev.ferry.archive.ArchiveSpec;
import dev.ferry.archive.Archiver;
import dev.ferry.demo.EmbeddedFtpServer;
import dev.ferry.transfer.FileType;
import dev.ferry.transfer.FtpTarget;
import dev.ferry.transfer.FtpUploader;
import dev.ferry.transfer.TransferMode;
import dev.ferry.transfer.TransferProperties;
import dev.ferry.transfer.Transcript;
import dev.ferry.transfer.UploadNames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup several times larger than the whole heap goes through the production data path
 * (archive → SHA-256 → FTP upload) to a real FTP server. The build runs this class alone
 * in a JVM with {@code -Xmx32m} (the {@code bounded-heap} surefire execution): holding
 * the archive or a file in memory anywhere on the way would fail it with
 * OutOfMemoryError.
 */
@Tag("bounded-heap")
class StreamedBackupHeapTests {

	@TempDir
	Path dir;

	@Test
	void aBackupFourTimesTheHeapStreamsThroughWithoutBeingHeld() throws Exception {
		long heap = Runtime.getRuntime().maxMemory();
		assertThat(heap).as("this test must run with a small heap (-Xmx32m)").isLessThan(64L * 1024 * 1024);
		long size = 4 * heap;
		Path source = Files.createDirectories(this.dir.resolve("big"));
		writeRandom(source.resolve("incompressible.bin"), size);

		try (EmbeddedFtpServer server = EmbeddedFtpServer.builder()
			.rootDirectory(this.dir.resolve("ftp"))
			.user("u", "p")
			.build()
			.start()) {
			FtpUploader uploader = new FtpUploader(TransferProperties.defaults());
			StreamedBackup backup = new StreamedBackup(new Archiver(), uploader, new Pruning(uploader));
			RunOutcome outcome = backup.perform(new ArchiveSpec(List.of(source), List.of(), ArchiveFormat.TAR_GZ),
					new FtpTarget(EmbeddedFtpServer.HOST, server.port(), "u", "p", "/", TransferMode.PASSIVE,
							FileType.BINARY),
					UploadNames.only("big.tar.gz"), new RunControl(1), new Transcript(),
					StreamedBackup.AfterUpload.NOTHING);

			Path uploaded = this.dir.resolve("ftp/big.tar.gz");
			assertThat(outcome.bytesRead()).isEqualTo(size);
			assertThat(outcome.bytesUploaded()).isEqualTo(Files.size(uploaded)).isGreaterThan(size);
			assertThat(outcome.sha256()).isEqualTo(sha256(uploaded));
			// the server hashed the archive too, and the checksum file says the same
			assertThat(outcome.verification()).containsExactly("SIZE", "SHA-256");
			assertThat(this.dir.resolve("ftp/big.tar.gz.sha256")).hasContent(outcome.sha256() + "  big.tar.gz");
		}
	}

	private static void writeRandom(Path file, long size) throws IOException {
		Random random = new Random(7);
		byte[] chunk = new byte[1024 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			for (long written = 0; written < size; written += chunk.length) {
				random.nextBytes(chunk);
				out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
			}
		}
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
