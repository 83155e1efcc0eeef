package org.actorrpc.testutil;

import java.util.Optional;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;

/**
 * Finds an endpoint's monitoring view among a service's {@link RpcService#getEndpointViews()}.
 * Stateless.
 */
public final class EndpointViews {

	private EndpointViews() {
	}

	/**
	 * Returns the view of the endpoint with the given id, if the service lists one.
	 * @param service the hosting service
	 * @param endpointId the endpoint id
	 * @return the view, or empty
	 */
	public static Optional<RpcEndpointView> find(RpcService service, String endpointId) {
		return service.getEndpointViews()
			.stream()
			.filter((view) -> view.getEndpointId().equals(endpointId))
			.findFirst();
	}

	/**
	 * Returns the view of the endpoint with the given id, failing the test when there is none.
	 * @param service the hosting service
	 * @param endpointId the endpoint id
	 * @return the view
	 */
	public static RpcEndpointView require(RpcService service, String endpointId) {
		return find(service, endpointId).orElseThrow(() -> new AssertionError("no view for " + endpointId));
	}

}
