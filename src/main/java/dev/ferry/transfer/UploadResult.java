package dev.ferry.transfer;

/**
 * Result of a successful upload.
 *
 * @param remotePath path of the uploaded file on the server: absolute when the target's
 * remote directory is, otherwise relative to the login directory
 * @param modeUsed the data-connection command actually used
 * @param fallback whether {@link TransferMode#AUTO} had to fall back from the command it
 * tried first
 * @param bytesSent bytes the content wrote (before any ASCII line-end conversion)
 */
public record UploadResult(String remotePath, DataCommand modeUsed, boolean fallback, long bytesSent) {

}
