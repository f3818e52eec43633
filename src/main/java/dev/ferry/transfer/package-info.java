/**
 * Everything that touches Apache Commons Net: connecting, FTPS, logging in, transfer
 * modes, atomic uploads to FTP servers, the control-channel transcript and the probe.
 * <p>
 * Other packages use {@link dev.ferry.transfer.FtpUploader} to upload,
 * {@link dev.ferry.transfer.FtpProbe} to test a target and
 * {@link dev.ferry.transfer.TrustedCertificates} to validate a pasted certificate;
 * failures surface as subclasses of {@link dev.ferry.transfer.TransferException}, one per
 * {@link dev.ferry.transfer.TransferPhase}.
 * <p>
 * Data connections are opened by {@code DataConnectionOpener} (not by Commons Net), so
 * that each {@link dev.ferry.transfer.DataCommand} can be forced, the passive address and
 * active port range honoured, and FTPS data connections resume the control connection's
 * TLS session.
 */
package dev.ferry.transfer;
