package org.actorrpc.demo.jobmaster.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST API ({@code demo.rest.*}). Bound once at startup and only read afterwards,
 * by Tomcat's request threads.
 */
@ConfigurationProperties("demo.rest")
public class RestProperties {

	/**
	 * Largest request body accepted. A larger body is refused with 413 before any of it is parsed:
	 * at once when its Content-Length says so, otherwise as soon as more has been read.
	 */
	private DataSize maxRequestSize = DataSize.ofMegabytes(1);

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		if (maxRequestSize == null || maxRequestSize.isNegative()) {
			throw new IllegalArgumentException("demo.rest.max-request-size must be 0 or more, got " + maxRequestSize);
		}
		this.maxRequestSize = maxRequestSize;
	}

}
