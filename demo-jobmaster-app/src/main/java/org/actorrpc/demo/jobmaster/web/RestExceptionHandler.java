package org.actorrpc.demo.jobmaster.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.actorrpc.demo.api.UnknownJobException;

/**
 * Maps failures of the REST API to RFC 9457 problem details: invalid input → 400, unknown job →
 * 404, cluster not answering → 503. The {@code detail} says what was wrong and how to fix it.
 * Stateless and thread-safe.
 */
@RestControllerAdvice(assignableTypes = JobsController.class)
class RestExceptionHandler {

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "The request body is not a valid job submission: expected JSON like "
				+ "{\"name\":\"wordcount\",\"parallelism\":4,\"taskDurationMs\":20000} (" + firstLine(ex) + ")");
	}

	@ExceptionHandler(UnknownJobException.class)
	ProblemDetail notFound(UnknownJobException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ClusterUnavailableException.class)
	ProblemDetail unavailable(ClusterUnavailableException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

	private static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
