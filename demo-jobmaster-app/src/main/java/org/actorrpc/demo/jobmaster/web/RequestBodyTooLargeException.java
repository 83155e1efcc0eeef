package org.actorrpc.demo.jobmaster.web;

import java.io.IOException;

/**
 * A request body is larger than {@code demo.rest.max-request-size}. Thrown by the body stream of
 * {@link RequestSizeLimitFilter} on the request thread, before the body reaches the JSON parser;
 * {@link RestExceptionHandler} answers it with 413.
 */
class RequestBodyTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	RequestBodyTooLargeException(String message) {
		super(message);
	}

}
