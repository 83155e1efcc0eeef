package org.actorrpc.spring;

import java.util.Objects;

/**
 * The endpoint id of the {@link RpcEndpointComponent @RpcEndpointComponent} being created: its
 * annotation value or, without one, its default id (the bean name, or the decapitalized simple
 * class name when Spring derived the bean name from the class). Declare a constructor parameter of this type to
 * hand the id to the {@link org.actorrpc.RpcEndpoint} constructor:
 *
 * <pre class="code">
 * &#64;RpcEndpointComponent
 * class JobMasterEndpoint extends RpcEndpoint implements JobMasterGateway {
 *
 *     JobMasterEndpoint(RpcService rpcService, RpcEndpointId endpointId) {
 *         super(rpcService, endpointId.value());
 *     }
 *
 * }
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the endpoint id
 */
public record RpcEndpointId(String value) {

	/**
	 * Validates the id.
	 */
	public RpcEndpointId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("Endpoint id must not be blank");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
