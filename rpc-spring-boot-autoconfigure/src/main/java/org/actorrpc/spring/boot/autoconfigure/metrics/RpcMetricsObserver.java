package org.actorrpc.spring.boot.autoconfigure.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.spring.boot.autoconfigure.EndpointTags;

/**
 * Records actorrpc metrics in a Micrometer {@link MeterRegistry}, following the OpenTelemetry RPC
 * conventions for call durations and Micrometer's executor metrics for mailboxes:
 * <ul>
 * <li>{@value #SERVER_DURATION} (timer; tags {@code endpoint}, {@code rpc.method},
 * {@code rpc.system.name}, {@code outcome}, {@code error.type}): processing time on the
 * endpoint's main thread;</li>
 * <li>{@value #CLIENT_DURATION} (timer; tags {@code rpc.method}, {@code rpc.system.name},
 * {@code outcome}, {@code error.type}): call time seen by the caller;</li>
 * <li>{@value #MAILBOX_SIZE} (gauge; tag {@code endpoint}): messages waiting in the mailbox;</li>
 * <li>{@value #MAILBOX_WAIT} (timer; tag {@code endpoint}): time messages waited in the
 * mailbox;</li>
 * <li>{@value #SERVER_FAILURES}, {@value #CLIENT_FAILURES} and {@value #CLIENT_TIMEOUTS}
 * (counters);</li>
 * <li>{@value #MAILBOX_REFUSED} (counter; tag {@code endpoint}): calls refused by a full mailbox;</li>
 * <li>{@value #FLOW_WAIT} (timer; tags {@code limit} = window|mailbox, {@code outcome}): callers waiting at a
 * flow-control limit;</li>
 * <li>{@value #UNDELIVERED} (counter): messages not, or not confirmed as, delivered.</li>
 * </ul>
 * {@code rpc.method} is {@code Gateway/method} (simple interface name); {@code outcome} is
 * {@code SUCCESS} or {@code ERROR}; {@code error.type} is the exception's class name or
 * {@code none}. Every tag is low-cardinality: no addresses, no ids of random endpoints.
 *
 * <p>Thread-safe; meters are created once per tag combination and cached.
 */
public final class RpcMetricsObserver implements RpcObserver {

	/** Server call duration timer. */
	public static final String SERVER_DURATION = "rpc.server.call.duration";

	/** Client call duration timer. */
	public static final String CLIENT_DURATION = "rpc.client.call.duration";

	/** Mailbox depth gauge. */
	public static final String MAILBOX_SIZE = "actorrpc.endpoint.mailbox.size";

	/** Mailbox wait timer. */
	public static final String MAILBOX_WAIT = "actorrpc.endpoint.mailbox.wait";

	/** Server failures counter. */
	public static final String SERVER_FAILURES = "actorrpc.server.call.failures";

	/** Client failures counter. */
	public static final String CLIENT_FAILURES = "actorrpc.client.call.failures";

	/** Client timeouts counter. */
	public static final String CLIENT_TIMEOUTS = "actorrpc.client.call.timeouts";

	/** Gateway calls an endpoint refused because its mailbox was full (function counter). */
	public static final String MAILBOX_REFUSED = "actorrpc.endpoint.mailbox.refused";

	/** Time callers waited at a flow-control limit (tags {@code limit}, {@code outcome}). */
	public static final String FLOW_WAIT = "actorrpc.client.flow.wait";

	/** Messages not (or not confirmed as) delivered: refused fire-and-forget, or in flight when a peer was lost. */
	public static final String UNDELIVERED = "actorrpc.client.undelivered";

	/** Value of the {@code rpc.system.name} tag. */
	public static final String SYSTEM = "actorrpc";

	private static final String NONE = "none";

	private final MeterRegistry registry;

	private final Map<RpcEndpointView, EndpointMeters> endpoints = new ConcurrentHashMap<>();

	private final Map<CallKey, Timer> clientTimers = new ConcurrentHashMap<>();

	private final Map<CallKey, Counter> clientFailures = new ConcurrentHashMap<>();

	private final Map<RpcMethod, Counter> clientTimeouts = new ConcurrentHashMap<>();

	private final Map<String, Timer> flowWaits = new ConcurrentHashMap<>();

	private final Counter undelivered;

	/**
	 * Creates the observer.
	 * @param registry where meters are registered
	 */
	public RpcMetricsObserver(MeterRegistry registry) {
		this.registry = registry;
		this.undelivered = Counter.builder(UNDELIVERED)
			.description("Messages this node sent that were not, or not confirmed as, delivered: fire-and-forget "
					+ "messages an endpoint refused, and messages in flight to a node that became unreachable or "
					+ "restarted")
			.baseUnit("messages")
			.register(registry);
	}

	@Override
	public void capacityWaited(String recipient, String limit, long waitedNanos, boolean admitted) {
		String outcome = admitted ? "SUCCESS" : "ERROR";
		this.flowWaits.computeIfAbsent(limit + "/" + outcome, (key) -> Timer.builder(FLOW_WAIT)
			.description("Time callers waited at a flow-control limit (window or mailbox) before their call went "
					+ "ahead (SUCCESS) or failed (ERROR)")
			.tag("limit", limit)
			.tag("outcome", outcome)
			.register(this.registry)).record(waitedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
	}

	@Override
	public void messagesUndelivered(String recipient, long count) {
		this.undelivered.increment(count);
	}

	@Override
	public void endpointRegistered(RpcEndpointView endpoint) {
		meters(endpoint);
	}

	@Override
	public void endpointTerminated(RpcEndpointView endpoint, Throwable failure) {
		EndpointMeters meters = this.endpoints.remove(endpoint);
		if (meters != null) {
			meters.remove(this.registry);
		}
	}

	@Override
	public void serverCallCompleted(RpcEndpointView endpoint, RpcMethod method, long queueWaitNanos,
			long processingNanos, Throwable failure) {
		EndpointMeters meters = meters(endpoint);
		meters.mailboxWait.record(queueWaitNanos, TimeUnit.NANOSECONDS);
		String errorType = errorType(failure);
		CallKey key = new CallKey(method, errorType);
		meters.callTimers
			.computeIfAbsent(key,
					(k) -> Timer.builder(SERVER_DURATION)
						.description("Time endpoints spent processing RPC calls on their main thread")
						.tags(meters.tags)
						.tags(callTags(method, errorType))
						.register(this.registry))
			.record(processingNanos, TimeUnit.NANOSECONDS);
		if (failure != null) {
			meters.failureCounters
				.computeIfAbsent(key,
						(k) -> Counter.builder(SERVER_FAILURES)
							.description("RPC calls whose processing failed on the endpoint")
							.tags(meters.tags)
							.tags(callTags(method, errorType))
							.register(this.registry))
				.increment();
		}
	}

	@Override
	public ClientCall clientCallStarted(RpcMethod method, String recipient) {
		long start = System.nanoTime();
		return new ClientCall() {

			@Override
			public void completed(Throwable failure) {
				recordClientCall(method, System.nanoTime() - start, failure);
			}

		};
	}

	private void recordClientCall(RpcMethod method, long nanos, Throwable failure) {
		String errorType = errorType(failure);
		CallKey key = new CallKey(method, errorType);
		this.clientTimers
			.computeIfAbsent(key,
					(k) -> Timer.builder(CLIENT_DURATION)
						.description("Time RPC calls took, as seen by the caller")
						.tags(callTags(method, errorType))
						.register(this.registry))
			.record(nanos, TimeUnit.NANOSECONDS);
		if (failure != null) {
			this.clientFailures
				.computeIfAbsent(key,
						(k) -> Counter.builder(CLIENT_FAILURES)
							.description("RPC calls that failed, as seen by the caller")
							.tags(callTags(method, errorType))
							.register(this.registry))
				.increment();
			if (RpcExceptions.stripCompletion(failure) instanceof TimeoutException) {
				this.clientTimeouts
					.computeIfAbsent(method,
							(m) -> Counter.builder(CLIENT_TIMEOUTS)
								.description("RPC calls that timed out, as seen by the caller")
								.tags(Tags.of("rpc.method", m.shortName(), "rpc.system.name", SYSTEM))
								.register(this.registry))
					.increment();
			}
		}
	}

	private EndpointMeters meters(RpcEndpointView endpoint) {
		return this.endpoints.computeIfAbsent(endpoint, (view) -> new EndpointMeters(view, this.registry));
	}

	private static Tags callTags(RpcMethod method, String errorType) {
		return Tags.of("rpc.method", method.shortName(), "rpc.system.name", SYSTEM, "outcome",
				NONE.equals(errorType) ? "SUCCESS" : "ERROR", "error.type", errorType);
	}

	private static String errorType(Throwable failure) {
		return (failure != null) ? RpcExceptions.stripCompletion(failure).getClass().getName() : NONE;
	}

	private record CallKey(RpcMethod method, String errorType) {
	}

	private static final class EndpointMeters {

		private final Tags tags;

		private final Gauge mailboxSize;

		private final Timer mailboxWait;

		private final FunctionCounter mailboxRefused;

		private final Map<CallKey, Timer> callTimers = new ConcurrentHashMap<>();

		private final Map<CallKey, Counter> failureCounters = new ConcurrentHashMap<>();

		EndpointMeters(RpcEndpointView view, MeterRegistry registry) {
			this.tags = Tags.of("endpoint", EndpointTags.endpointTag(view));
			this.mailboxSize = Gauge.builder(MAILBOX_SIZE, view, RpcEndpointView::getMailboxDepth)
				.description("Messages waiting in the endpoint's mailbox")
				.baseUnit("messages")
				.tags(this.tags)
				.register(registry);
			this.mailboxWait = Timer.builder(MAILBOX_WAIT)
				.description("Time messages waited in the endpoint's mailbox before processing")
				.tags(this.tags)
				.register(registry);
			this.mailboxRefused = FunctionCounter.builder(MAILBOX_REFUSED, view, RpcEndpointView::getRefusedMessages)
				.description("Gateway calls the endpoint refused because its mailbox was full")
				.baseUnit("messages")
				.tags(this.tags)
				.register(registry);
		}

		void remove(MeterRegistry registry) {
			registry.remove((Meter) this.mailboxSize);
			registry.remove((Meter) this.mailboxWait);
			registry.remove((Meter) this.mailboxRefused);
			this.callTimers.values().forEach(registry::remove);
			this.failureCounters.values().forEach(registry::remove);
		}

	}

}
