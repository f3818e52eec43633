/**
 * Everything that touches Apache Commons Net: connecting, logging in, transfer modes and
 * atomic uploads to FTP servers.
 * <p>
 * The one service other packages use is {@link dev.ferry.transfer.FtpUploader}; failures
 * surface as subclasses of {@link dev.ferry.transfer.TransferException}, one per
 * {@link dev.ferry.transfer.TransferPhase}.
 */
package dev.ferry.transfer;
