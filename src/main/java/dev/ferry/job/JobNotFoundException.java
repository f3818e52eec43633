package dev.ferry.job;

import dev.ferry.system.NotFoundException;

/**
 * No job has the requested id.
 */
class JobNotFoundException extends NotFoundException {

	JobNotFoundException(long id) {
		super("No job with id " + id);
	}

}
