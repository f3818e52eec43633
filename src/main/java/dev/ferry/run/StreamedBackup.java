package dev.ferry.run;

import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import dev.ferry.archive.ArchiveSpec;
import dev.ferry.archive.ArchiveStats;
import dev.ferry.archive.Archiver;
import dev.ferry.transfer.FtpTarget;
import dev.ferry.transfer.FtpUploader;
import dev.ferry.transfer.Transcript;
import dev.ferry.transfer.UploadResult;

import org.springframework.stereotype.Component;

/**
 * The data path of a run: the archive is written straight into the FTP data connection
 * while it is built, its SHA-256 computed on the way. Nothing is staged on disk or in
 * memory, so heap use does not depend on the size of the backup.
 */
@Component
class StreamedBackup {

	private final Archiver archiver;

	private final FtpUploader uploader;

	StreamedBackup(Archiver archiver, FtpUploader uploader) {
		this.archiver = archiver;
		this.uploader = uploader;
	}

	RunOutcome perform(ArchiveSpec spec, FtpTarget target, String fileName, Transcript transcript) {
		// A missing source is the problem to report, even when the server is down too.
		this.archiver.checkSources(spec);
		MessageDigest sha256 = sha256();
		AtomicReference<ArchiveStats> stats = new AtomicReference<>();
		UploadResult upload = this.uploader.upload(target, fileName, (out) -> {
			DigestOutputStream digesting = new DigestOutputStream(out, sha256);
			stats.set(this.archiver.write(spec, digesting));
			digesting.flush();
		}, transcript);
		ArchiveStats archived = stats.get();
		return new RunOutcome(archived.filesArchived(), archived.bytesRead(), upload.bytesSent(), upload.remotePath(),
				HexFormat.of().formatHex(sha256.digest()), upload.modeUsed().name(), upload.fallback(),
				archived.warnings());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
