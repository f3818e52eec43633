package dev.ferry.transfer;

/**
 * Result of a successful upload.
 *
 * @param remotePath path of the uploaded file on the server: absolute when the target's
 * remote directory is, otherwise relative to the login directory
 * @param modeUsed the data-connection command actually sent: {@code PASV}, {@code EPSV},
 * {@code PORT} or {@code EPRT}
 * @param bytesSent bytes the content wrote (before any ASCII line-end conversion)
 */
public record UploadResult(String remotePath, String modeUsed, long bytesSent) {

}
