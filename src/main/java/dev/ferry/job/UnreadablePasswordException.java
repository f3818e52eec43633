package dev.ferry.job;

import java.util.Map;

import dev.ferry.system.ConflictException;

/**
 * A job's stored FTP password cannot be decrypted with the secret key the service has:
 * the key was changed or lost. A run fails with this explanation; the API answers 409.
 */
public class UnreadablePasswordException extends ConflictException {

	UnreadablePasswordException(String jobName, long jobId) {
		super("The stored FTP password of job '" + jobName + "' (id " + jobId + ") cannot be decrypted with the "
				+ "current secret key (FERRY_SECRET_KEY, or secret.key in the data directory): it was encrypted with "
				+ "another key. Start Ferry with the right key, set FERRY_SECRET_KEY_PREVIOUS to the old key after a "
				+ "rotation, or set the job's password again (PUT /api/jobs/" + jobId + ").", Map.of("jobId", jobId));
	}

}
