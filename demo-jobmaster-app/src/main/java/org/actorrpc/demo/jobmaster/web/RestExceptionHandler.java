package org.actorrpc.demo.jobmaster.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import org.actorrpc.demo.api.UnknownJobException;

/**
 * Answers every failure of a request with an RFC 9457 problem detail
 * ({@code application/problem+json} with type, title, status, detail and instance): invalid input
 * → 400, unknown job or path → 404, wrong method → 405, body too large → 413, wrong content type
 * → 415, cluster not answering → 503, anything else → 500. The {@code detail} says what was wrong
 * and what to send instead, and never carries a Java class or method name (the exception
 * messages of Spring and Jackson do, so they are rewritten here). Stateless and thread-safe.
 */
@RestControllerAdvice
class RestExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(RestExceptionHandler.class);

	private static final String EXAMPLE = "{\"name\":\"wordcount\",\"parallelism\":4,\"taskDurationMs\":20000}";

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private static final List<String> FIELDS = List.of("name", "parallelism", "taskDurationMs");

	private static final String PATHS = "GET /jobs, POST /jobs, GET /jobs/{jobId}, GET /jobs/{jobId}/checkpoints, "
			+ "POST /jobs/{jobId}/cancel, GET /taskmanagers, GET /cluster, GET /actuator";

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), request);
	}

	@ExceptionHandler(UnknownJobException.class)
	ProblemDetail notFound(UnknownJobException ex, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler(ClusterUnavailableException.class)
	ProblemDetail unavailable(ClusterUnavailableException ex, HttpServletRequest request) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), request);
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, HttpServletRequest request) {
		logger.error("{} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"The JobMaster failed to answer this request; its log has the details", request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestBodyTooLargeException tooLarge = cause(ex, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			return answer(ex, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), headers, request);
		}
		return answer(ex, HttpStatus.BAD_REQUEST, describeUnreadable(ex), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String supported = (ex.getSupportedHttpMethods() != null) ? ex.getSupportedHttpMethods()
			.stream()
			.map(HttpMethod::name)
			.collect(Collectors.joining(", ")) : "";
		return answer(ex, status, path(request) + " does not support " + ex.getMethod()
				+ (supported.isEmpty() ? "" : ": use " + supported), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String sent = (ex.getContentType() != null) ? "Content-Type '" + ex.getContentType() + "'" : "No Content-Type";
		return answer(ex, status, sent + " is not supported here: send the body as JSON with "
				+ "'Content-Type: application/json', for example " + EXAMPLE, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return answer(ex, status, "Nothing at " + path(request) + ": the API has " + PATHS
				+ ", and the dashboard is at /", headers, request);
	}

	/** Every answer of the base class passes here: complete its shape and keep its detail. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			complete(problem, path(request));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/**
	 * Sets the instance and writes the type out: "about:blank" (the status says it all, RFC 9457
	 * section 4.2.1) is otherwise left out, and clients looking for the field would not find it.
	 */
	private static ProblemDetail complete(ProblemDetail problem, String path) {
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(path));
		}
		problem.setType(ABOUT_BLANK);
		return problem;
	}

	private ResponseEntity<Object> answer(Exception ex, HttpStatusCode status, String detail, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
	}

	private static String describeUnreadable(HttpMessageNotReadableException ex) {
		UnrecognizedPropertyException unknown = cause(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return "Unknown field '" + unknown.getPropertyName() + "' in the job submission: the fields are "
					+ String.join(", ", FIELDS) + ", for example " + EXAMPLE;
		}
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getPropertyName();
			String got = (mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null)
					? ", got " + invalid.getValue() : "";
			return "Field '" + field + "' must be " + expected(mismatch.getTargetType()) + got
					+ ": send a job submission like " + EXAMPLE;
		}
		if (mismatch != null) {
			return "The request body must be a JSON object like " + EXAMPLE;
		}
		StreamReadException malformed = cause(ex, StreamReadException.class);
		if (malformed != null) {
			return "The request body is not valid JSON" + location(malformed) + ": send a job submission like "
					+ EXAMPLE;
		}
		if (cause(ex, JacksonException.class) == null) {
			// Spring's own message names the controller method; the cause is an empty or null body.
			return "The request body is empty or null: send a job submission like " + EXAMPLE;
		}
		return "The request body is not a valid job submission: send JSON like " + EXAMPLE;
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == String.class) {
			return "a string";
		}
		return "of another type";
	}

	private static String location(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		return (location != null && location.getLineNr() > 0)
				? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
		return complete(ProblemDetail.forStatusAndDetail(status, detail), request.getRequestURI());
	}

	private static String path(WebRequest request) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI()
				: request.getDescription(false).replaceFirst("^uri=", "");
	}

}
