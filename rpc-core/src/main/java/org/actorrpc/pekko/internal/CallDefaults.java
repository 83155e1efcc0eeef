package org.actorrpc.pekko.internal;

import java.time.Duration;
import java.util.Objects;

import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * The timeout a gateway's calls get when their method has no {@code @RpcTimeout} argument, and the
 * setting it came from, so that a timeout error names the one property that raises it.
 *
 * @param timeout the default timeout of the gateway's calls
 * @param source what a timeout error names as the origin of that timeout
 */
record CallDefaults(Duration timeout, String source) {

	CallDefaults {
		Objects.requireNonNull(timeout, "timeout");
		Objects.requireNonNull(source, "source");
	}

	/**
	 * Returns the service-wide defaults: the ask timeout.
	 * @param settings the service settings
	 * @return the defaults
	 */
	static CallDefaults of(PekkoRpcServiceSettings settings) {
		return new CallDefaults(settings.askTimeout(),
				"the service's ask timeout (actorrpc.ask-timeout, PekkoRpcServiceSettings.askTimeout)");
	}

}
