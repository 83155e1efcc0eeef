package org.actorrpc.spring.boot.autoconfigure.actuate;

import java.util.Comparator;
import java.util.List;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcMethodStats;
import org.actorrpc.RpcService;
import org.actorrpc.client.RpcClientView;
import org.actorrpc.spring.boot.autoconfigure.RpcClients;
import org.actorrpc.spring.boot.autoconfigure.ha.RpcLeadership;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code actorrpc} Actuator endpoint: the service address, each endpoint's id,
 * gateways, state, mailbox depth, busy time, age of the oldest queued message and slowest
 * methods, each client's name, address, state and last failure, and (with high availability) the
 * leadership of each leader-elected endpoint and each followed leader.
 *
 * <p>Thread-safe; every read takes racy O(1) snapshots from the endpoint views.
 */
@Endpoint(id = "actorrpc")
public class ActorRpcEndpoint {

	/** How many methods {@code slowestMethods} lists per endpoint. */
	static final int SLOWEST_METHODS = 5;

	private final RpcService rpcService;

	private final RpcClients clients;

	private final RpcLeadership leadership;

	/**
	 * Creates the endpoint.
	 * @param rpcService the RPC service
	 * @param clients the client registry, or {@code null} when client support is off
	 */
	public ActorRpcEndpoint(RpcService rpcService, RpcClients clients) {
		this(rpcService, clients, null);
	}

	/**
	 * Creates the endpoint with leadership state.
	 * @param rpcService the RPC service
	 * @param clients the client registry, or {@code null} when client support is off
	 * @param leadership the application's leadership state, or {@code null} without high
	 * availability
	 */
	public ActorRpcEndpoint(RpcService rpcService, RpcClients clients, RpcLeadership leadership) {
		this.rpcService = rpcService;
		this.clients = clients;
		this.leadership = leadership;
	}

	/**
	 * Describes the node.
	 * @return the description
	 */
	@ReadOperation
	public ActorRpcDescriptor actorRpc() {
		List<EndpointDescriptor> endpoints = this.rpcService.getEndpointViews()
			.stream()
			.map(ActorRpcEndpoint::describe)
			.toList();
		List<RpcClientView> clientViews = (this.clients != null) ? this.clients.getClientViews() : List.of();
		return new ActorRpcDescriptor(new ServiceDescriptor(this.rpcService.getAddress(), this.rpcService.getPort()),
				endpoints, clientViews, (this.leadership != null) ? this.leadership.snapshot() : null);
	}

	private static EndpointDescriptor describe(RpcEndpointView view) {
		List<MethodDescriptor> slowest = view.getMethodStats()
			.stream()
			.sorted(Comparator.comparingLong(RpcMethodStats::maxNanos).reversed())
			.limit(SLOWEST_METHODS)
			.map(MethodDescriptor::of)
			.toList();
		return new EndpointDescriptor(view.getEndpointId(), view.getAddress(),
				view.getGateways().stream().map(Class::getName).toList(), view.getState().name(),
				view.getMainThreadName(), view.getMailboxDepth(), view.getMailboxCapacity(), view.getRefusedMessages(),
				millis(view.getBusyTimeNanos()),
				millis(view.getOldestQueuedMessageAgeNanos()),
				(view.getCurrentMethod() != null) ? view.getCurrentMethod().shortName() : null,
				millis(view.getCurrentMessageAgeNanos()), view.getProcessedMessages(), slowest);
	}

	static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	/**
	 * The whole node.
	 * @param service the RPC service
	 * @param endpoints the endpoints hosted by the service
	 * @param clients the {@code @RpcClient} proxies
	 * @param leadership the leader-elected endpoints and the followed leaders, or {@code null}
	 * without high availability
	 */
	public record ActorRpcDescriptor(ServiceDescriptor service, List<EndpointDescriptor> endpoints,
			List<RpcClientView> clients, RpcLeadership.Snapshot leadership) {
	}

	/**
	 * The RPC service.
	 * @param address the advertised host ({@code ""} when not reachable remotely)
	 * @param port the bound port ({@code -1} when not reachable remotely)
	 */
	public record ServiceDescriptor(String address, int port) {
	}

	/**
	 * One endpoint.
	 * @param id the endpoint id
	 * @param address the endpoint address
	 * @param gateways fully qualified gateway interface names
	 * @param state lifecycle state
	 * @param mainThread name of the endpoint's main thread
	 * @param mailboxDepth messages waiting
	 * @param mailboxCapacity gateway calls the mailbox queues before it refuses more (-1: unbounded)
	 * @param refusedMessages gateway calls refused because the mailbox was full
	 * @param busyTimeMs total processing time, in milliseconds
	 * @param oldestQueuedMessageAgeMs age of the oldest waiting message, in milliseconds
	 * @param currentMethod method being processed, or {@code null}
	 * @param currentMessageAgeMs how long the current message has been running, in milliseconds
	 * @param processedMessages messages processed since registration
	 * @param slowestMethods methods with the longest processing times
	 */
	public record EndpointDescriptor(String id, String address, List<String> gateways, String state,
			String mainThread, int mailboxDepth, int mailboxCapacity, long refusedMessages, double busyTimeMs, double oldestQueuedMessageAgeMs,
			String currentMethod, double currentMessageAgeMs, long processedMessages,
			List<MethodDescriptor> slowestMethods) {
	}

	/**
	 * Processing times of one method.
	 * @param method {@code Gateway/method}
	 * @param count calls processed
	 * @param failures calls that failed
	 * @param maxMs longest processing time, in milliseconds
	 * @param meanMs mean processing time, in milliseconds
	 * @param lastMs processing time of the most recent call, in milliseconds
	 */
	public record MethodDescriptor(String method, long count, long failures, double maxMs, double meanMs,
			double lastMs) {

		static MethodDescriptor of(RpcMethodStats stats) {
			double mean = (stats.count() > 0) ? millis(stats.totalNanos()) / stats.count() : 0;
			return new MethodDescriptor(stats.method().shortName(), stats.count(), stats.failures(),
					millis(stats.maxNanos()), mean, millis(stats.lastNanos()));
		}

	}

}
