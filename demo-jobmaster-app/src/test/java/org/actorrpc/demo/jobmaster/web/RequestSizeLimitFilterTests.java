package org.actorrpc.demo.jobmaster.web;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The body stream of {@link RequestSizeLimitFilter} for bodies whose length is not declared (as
 * with {@code Transfer-Encoding: chunked}), which the Content-Length check cannot catch.
 */
class RequestSizeLimitFilterTests {

	private static final int LIMIT = 1024;

	private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(properties());

	@Test
	void undeclaredBodyUpToTheLimitIsReadWhole() throws Exception {
		AtomicLong read = new AtomicLong();
		this.filter.doFilter(chunked(new byte[LIMIT]), new MockHttpServletResponse(), (request, response) -> {
			try (InputStream body = request.getInputStream()) {
				read.set(body.readAllBytes().length);
			}
		});
		assertThat(read).hasValue(LIMIT);
	}

	@Test
	void undeclaredBodyFailsAsSoonAsItPassesTheLimit() throws Exception {
		AtomicLong readBeforeFailure = new AtomicLong();
		this.filter.doFilter(chunked(new byte[10 * LIMIT]), new MockHttpServletResponse(), (request, response) -> {
			InputStream body = request.getInputStream();
			byte[] buffer = new byte[256];
			assertThatExceptionOfType(RequestBodyTooLargeException.class).isThrownBy(() -> {
				for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
					readBeforeFailure.addAndGet(n);
				}
			}).withMessageContaining("exceeds 1024 bytes").withMessageContaining("demo.rest.max-request-size");
		});
		assertThat(readBeforeFailure.get()).isLessThanOrEqualTo(LIMIT);
	}

	private static MockHttpServletRequest chunked(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/jobs") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
		request.setContent(body);
		return request;
	}

	private static RestProperties properties() {
		RestProperties properties = new RestProperties();
		properties.setMaxRequestSize(DataSize.ofBytes(LIMIT));
		return properties;
	}

}
