package org.actorrpc.pekko.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * What the parts of one running service share: its settings, its identity on the network, its
 * scheduler and callback threads, the call timeout sweeper and the gateway models. Immutable; every
 * part receives this instead of the {@link ServiceRuntime} that composed it, so no part can reach
 * back into another's job. Thread-safe.
 *
 * @param settings the service settings
 * @param systemName the actor system's name
 * @param hostname the advertised host, or {@code localhost} for a local-only service
 * @param addressPrefix {@code pekko://<system>@<host>:<port>}, the prefix of every endpoint address
 * @param remoteEnabled whether the service listens on the network
 * @param incarnation a random id of this run of the service, so peers can tell a restart
 * @param scheduler the service's scheduler (timers, probes, scheduled main-thread tasks)
 * @param callbackExecutor threads that complete futures off the transport and main threads
 * @param timeouts expires pending calls
 * @param models the gateway models of this actor system
 * @param transportThreadPrefix name prefix of the transport thread, where blocking is refused
 */
record ServiceContext(PekkoRpcServiceSettings settings, String systemName, String hostname, String addressPrefix,
		boolean remoteEnabled, long incarnation, ScheduledExecutorService scheduler, Executor callbackExecutor,
		CallTimeouts timeouts, GatewayModels models, String transportThreadPrefix) {

	/** Wire protocol version checked in the handshake. */
	static final int PROTOCOL_VERSION = 2;

	RpcObserver observer() {
		return this.settings.observer();
	}

	ContractRegistry contracts() {
		return this.models.contracts();
	}

	/**
	 * Returns the address of an endpoint id.
	 * @param endpointId the id
	 * @return {@code <addressPrefix>/user/rpc/<endpointId>}
	 */
	String endpointAddress(String endpointId) {
		return this.addressPrefix + "/user/rpc/" + endpointId;
	}

	/**
	 * Returns the host named in an endpoint address, for {@code RpcGateway#getHostname()}.
	 * @param endpointAddress the address
	 * @return its host, or this service's host if the address cannot be parsed
	 */
	String hostnameOf(String endpointAddress) {
		try {
			return EndpointAddress.parse(endpointAddress).host();
		}
		catch (IllegalArgumentException ex) {
			return this.hostname;
		}
	}

	/**
	 * Runs a completion callback off the caller's thread, or on it once the service has shut its
	 * callback threads down.
	 * @param callback the callback
	 */
	void runCallback(Runnable callback) {
		try {
			this.callbackExecutor.execute(callback);
		}
		catch (RejectedExecutionException ex) {
			callback.run();
		}
	}

	/**
	 * Whether the current thread is this service's transport thread, where blocking on a remote
	 * answer or on flow-control credit would deadlock (the answer and the credit arrive on that
	 * very thread).
	 * @return whether the caller runs on the transport thread
	 */
	boolean onTransportThread() {
		return Thread.currentThread().getName().startsWith(this.transportThreadPrefix);
	}

	/**
	 * Whether the calling thread may wait for capacity: not the transport thread and not the main
	 * thread of any endpoint (two endpoints waiting for each other's mailbox would deadlock).
	 * @return whether waiting is allowed
	 */
	boolean mayWaitForCapacity() {
		return !(Thread.currentThread() instanceof EndpointThread) && !onTransportThread();
	}

	RecipientUnreachableException noEndpoint(String endpointId) {
		return new RecipientUnreachableException("Could not deliver the message to " + endpointAddress(endpointId)
				+ ", because the recipient is unreachable: no endpoint is registered under that address (it "
				+ "terminated, or never existed).");
	}

}
