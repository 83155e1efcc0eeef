package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * The cluster's leader publishes one address, its JobMaster endpoint's; the leader's other
 * endpoints (ResourceManager, Dispatcher) live in the same process, next to it.
 */
public final class LeaderAddresses {

	private LeaderAddresses() {
	}

	/**
	 * Returns the address of another endpoint of the process serving an endpoint.
	 * @param endpointAddress an endpoint's address, {@code pekko://<system>@<host>:<port>/user/rpc/<id>}
	 * @param endpointId the other endpoint's id
	 * @return that endpoint's address in the same process
	 * @throws IllegalArgumentException if the address has no endpoint id to replace
	 */
	public static String sibling(String endpointAddress, String endpointId) {
		Objects.requireNonNull(endpointAddress, "endpointAddress");
		int slash = endpointAddress.lastIndexOf('/');
		if (slash < 0 || !endpointAddress.contains("/user/")) {
			throw new IllegalArgumentException("'" + endpointAddress
					+ "' is not an endpoint address like pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster");
		}
		return endpointAddress.substring(0, slash + 1) + endpointId;
	}

}
