package org.actorrpc.demo.jobmaster.web;

/**
 * The Dispatcher did not answer in time or failed for a reason other than bad input. The REST
 * API answers it with 503. Thrown and handled on the request thread.
 */
class ClusterUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ClusterUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
