package org.actorrpc.demo.jobmaster.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at {@code demo.rest.max-request-size}: the body stream fails with
 * {@link RequestBodyTooLargeException} on its first read when the declared Content-Length is too
 * large, and as soon as more than the limit was read otherwise (chunked bodies, wrong lengths). So
 * a large body is never parsed into the heap; {@link RestExceptionHandler} answers 413. Stateless
 * apart from its settings; each request gets its own counting stream, used by its request thread.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	RequestSizeLimitFilter(RestProperties properties) {
		this.limit = properties.getMaxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new LimitedRequest(request, this.limit), response);
	}

	private static String tooLarge(long size, long limit, boolean declared) {
		return "The request body " + (declared ? "declares " + size + " bytes" : "exceeds " + limit + " bytes")
				+ ", more than the limit of " + limit + " bytes (demo.rest.max-request-size): a job submission is"
				+ " a small JSON object";
	}

	/** The request with a size-checking body stream. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private LimitedInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), getContentLengthLong(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	/** Counts what is read and fails past the limit. */
	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long declaredLength;

		private final long limit;

		private long read;

		LimitedInputStream(ServletInputStream delegate, long declaredLength, long limit) {
			this.delegate = delegate;
			this.declaredLength = declaredLength;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			check(0);
			int value = this.delegate.read();
			if (value >= 0) {
				count(1);
			}
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			check(0);
			int count = this.delegate.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void check(long more) throws RequestBodyTooLargeException {
			if (this.declaredLength > this.limit) {
				throw new RequestBodyTooLargeException(tooLarge(this.declaredLength, this.limit, true));
			}
			if (this.read + more > this.limit) {
				throw new RequestBodyTooLargeException(tooLarge(this.read + more, this.limit, false));
			}
		}

		private void count(int bytes) throws RequestBodyTooLargeException {
			check(bytes);
			this.read += bytes;
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
