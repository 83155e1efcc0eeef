package org.actorrpc.pekko.internal;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.actorrpc.RpcGateway;
import org.actorrpc.internal.endpoint.GatewayMethod;
import org.actorrpc.serialization.GatewayContract;

/**
 * The invocation model of one gateway interface: its contract and one {@link GatewayMethod} per
 * RPC method, looked up by the {@link Method} a proxy receives (no reflection per call).
 * Immutable.
 */
final class GatewayModel {

	final Class<? extends RpcGateway> gateway;

	final GatewayContract contract;

	final GatewayMethod[] methods;

	private final Map<Method, GatewayMethod> byMethod;

	GatewayModel(GatewayContract contract) {
		this.gateway = contract.gateway();
		this.contract = contract;
		List<Method> list = contract.methods();
		this.methods = new GatewayMethod[list.size()];
		this.byMethod = new HashMap<>(list.size() * 2);
		for (int i = 0; i < list.size(); i++) {
			this.methods[i] = new GatewayMethod(list.get(i), i, contract);
			this.byMethod.put(list.get(i), this.methods[i]);
		}
	}

	GatewayMethod lookup(Method method) {
		return this.byMethod.get(method);
	}

}
