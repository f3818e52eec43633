package dev.ferry.transfer;

import java.util.List;

/**
 * Result of a successful upload.
 *
 * @param remotePath path of the uploaded file on the server: absolute when the target's
 * remote directory is, otherwise relative to the login directory
 * @param fileName the name it took, the first of its names that was free
 * @param modeUsed the data-connection command actually used
 * @param fallback whether {@link TransferMode#AUTO} had to fall back from the command it
 * tried first
 * @param bytesSent bytes the content wrote (before any ASCII line-end conversion)
 * @param sha256 the SHA-256 of those bytes, lower-case hex
 * @param verification the checks the server confirmed, in order, e.g.
 * {@code [SIZE, SHA-256]}; empty when it offers none
 * @param checksumPath the {@code sha256sum} file uploaded beside the file
 * @param warnings what the run should say although the upload succeeded: nothing could
 * verify it, a reply was lost, a cancel came too late
 */
public record UploadResult(String remotePath, String fileName, DataCommand modeUsed, boolean fallback, long bytesSent,
		String sha256, List<String> verification, String checksumPath, List<String> warnings) {

	public UploadResult {
		verification = List.copyOf(verification);
		warnings = List.copyOf(warnings);
	}

}
