package dev.ferry.transfer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Produces the content of an upload by writing it into the data connection.
 * <p>
 * An {@link IOException} thrown by {@link #writeTo} means writing to {@code out} failed.
 * Any {@link RuntimeException} means the producer itself failed (for example a source
 * directory vanished); the uploader aborts the transfer, removes the partial file and
 * rethrows that same exception.
 */
@FunctionalInterface
public interface UploadContent {

	/**
	 * Writes the whole content to {@code out}. Closing {@code out} is allowed but not
	 * needed: the uploader ends the data connection itself once this method returns.
	 * @param out the data connection, counted and lightly buffered
	 * @throws IOException if writing to {@code out} failed
	 */
	void writeTo(OutputStream out) throws IOException;

}
