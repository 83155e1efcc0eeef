package org.actorrpc.spring.boot.autoconfigure;

import java.util.List;
import java.util.regex.Pattern;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;

/**
 * Low-cardinality names of endpoints for metrics and traces: the endpoint id, except for ids that
 * are random UUIDs (an endpoint created with {@code RpcEndpoint(RpcService)}), which are replaced
 * by the simple name of the endpoint's first gateway so that restarts do not create new series.
 * Stateless.
 */
public final class EndpointTags {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private EndpointTags() {
	}

	/**
	 * Returns the tag value of an endpoint.
	 * @param endpoint the endpoint's view
	 * @return a low-cardinality name
	 */
	public static String endpointTag(RpcEndpointView endpoint) {
		String id = endpoint.getEndpointId();
		if (!UUID.matcher(id).matches()) {
			return id;
		}
		List<Class<? extends RpcGateway>> gateways = endpoint.getGateways();
		return gateways.isEmpty() ? "unnamed" : gateways.get(0).getSimpleName();
	}

}
