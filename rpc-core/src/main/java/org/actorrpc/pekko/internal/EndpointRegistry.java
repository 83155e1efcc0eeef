package org.actorrpc.pekko.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.exceptions.RpcRuntimeException;

/**
 * The endpoints of one service: by id, for the ingress actors that route requests to them, and in
 * registration order, for views and shutdown. An id is taken from registration until the endpoint
 * terminates. Thread-safe.
 */
final class EndpointRegistry {

	private final ConcurrentHashMap<String, EndpointServer> byId = new ConcurrentHashMap<>();

	private final CopyOnWriteArrayList<EndpointServer> inOrder = new CopyOnWriteArrayList<>();

	/**
	 * Claims the server's id.
	 * @param server the server
	 * @throws RpcRuntimeException if another endpoint holds the id
	 */
	void claim(EndpointServer server) {
		if (this.byId.putIfAbsent(server.endpointId(), server) != null) {
			throw new RpcRuntimeException("Could not create the rpc endpoint " + server.endpointId() + ": an endpoint "
					+ "with this id is already registered with this service. Endpoint ids must be unique while the "
					+ "endpoint runs.");
		}
	}

	/**
	 * Lists a server whose id was claimed and whose thread runs.
	 * @param server the server
	 */
	void add(EndpointServer server) {
		this.inOrder.add(server);
	}

	/**
	 * Removes a server (it terminated, or failed to start).
	 * @param server the server
	 */
	void remove(EndpointServer server) {
		this.byId.remove(server.endpointId(), server);
		this.inOrder.remove(server);
	}

	/**
	 * Returns the endpoint registered under an id.
	 * @param endpointId the id
	 * @return its server, or {@code null}
	 */
	EndpointServer lookup(String endpointId) {
		return this.byId.get(endpointId);
	}

	/** @return the servers, in registration order */
	List<EndpointServer> servers() {
		return List.copyOf(this.inOrder);
	}

	/** @return live views of the endpoints, in registration order */
	Collection<RpcEndpointView> views() {
		List<RpcEndpointView> views = new ArrayList<>(this.inOrder.size());
		for (EndpointServer server : this.inOrder) {
			views.add(server.view());
		}
		return views;
	}

}
