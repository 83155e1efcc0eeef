package org.actorrpc.pekko.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.internal.endpoint.GatewayMethod;
import org.actorrpc.journal.JournalCodec;
import org.actorrpc.journal.JournalRecord.Origin;
import org.actorrpc.journal.JournalSettings;
import org.actorrpc.journal.JournalWriter;
import org.actorrpc.serialization.GatewayContract;

/**
 * Records what enters one endpoint's main thread when the endpoint is journaled
 * ({@link JournalSettings}), and does nothing otherwise. The server calls it at the few points
 * where something non-deterministic reaches the endpoint:
 * <ul>
 * <li>a message starts: a lifecycle step, an admitted gateway invocation (with its arguments), a
 * task, a timer firing, a delivered result;</li>
 * <li>work the endpoint creates is tagged with an origin ({@code <message>.<k>}) so that a replay
 * can match a recorded firing or result to the replayed endpoint's own timer or call;</li>
 * <li>the endpoint reads its clock ({@link JournalingClock}), connects, or calls a connected
 * gateway ({@link JournalingGateway});</li>
 * <li>a leader-elected endpoint's fencing token changed since the previous message (recorded
 * after the message record, as the token the message was processed under).</li>
 * </ul>
 * Results of outbound calls and connects are not handed to the endpoint on the RPC thread that
 * completes them: they come back as a main-thread message of their own (recorded with the value),
 * and the future the endpoint holds completes there. So the order in which the endpoint observes
 * results is the recorded order, and continuations without an executor also run on the main
 * thread.
 *
 * <p><b>Threading:</b> the recording state is confined to the endpoint's main thread; the wrap
 * methods may be called from any thread and tag work as "foreign" when not called from it.
 */
final class EndpointJournal {

	private final JournalWriter writer;

	private final JournalCodec codec;

	private final EndpointServer server;

	private final ServiceContext context;

	private final Clock clock;

	/** Main thread only: the last message's sequence number. */
	private long lastSequence;

	/** Main thread only: the message being processed, 0 between messages. */
	private long current;

	/** Main thread only: how many origins the current message created. */
	private int created;

	/**
	 * Main thread only: the token of a leader-elected endpoint last recorded as a change (even one
	 * set before start is recorded as a change, so a replay sets it whatever its factory did).
	 */
	private Object recordedToken;

	private EndpointJournal(JournalWriter writer, EndpointServer server, ServiceContext context) {
		this.writer = writer;
		this.codec = (writer != null) ? new JournalCodec() : null;
		this.server = server;
		this.context = context;
		this.clock = (writer != null) ? new JournalingClock(this, Clock.systemUTC()) : Clock.systemUTC();
	}

	/**
	 * Returns the journal of an endpoint: recording if the settings journal it, otherwise one that
	 * does nothing.
	 */
	static EndpointJournal of(ServiceContext context, RpcEndpoint endpoint, String endpointId, EndpointServer server) {
		JournalSettings settings = context.settings().journal();
		if (!settings.journals(endpointId)) {
			return new EndpointJournal(null, server, context);
		}
		byte[] header = new JournalCodec().header(endpointId, endpoint.getClass().getName(),
				context.endpointAddress(endpointId), context.settings().extraSerializableClasses());
		return new EndpointJournal(JournalWriter.open(settings, endpointId, header), server, context);
	}

	/**
	 * Journals a connect if the calling thread is a journaled endpoint's main thread.
	 */
	static <C extends RpcGateway> CompletableFuture<C> ofCaller(CompletableFuture<C> connection, Class<C> gateway,
			String address) {
		if (Thread.currentThread() instanceof EndpointThread thread && thread.loop() instanceof EndpointServer server) {
			return server.journal().connected(connection, gateway, address);
		}
		return connection;
	}

	/** @return the clock the endpoint reads */
	Clock clock() {
		return this.clock;
	}

	/**
	 * Returns the sequence number of the message being processed, or of the last one between
	 * messages; 0 when not journaled. Exact on the main thread, a racy snapshot elsewhere.
	 */
	long sequence() {
		if (this.writer == null) {
			return 0;
		}
		return (this.current != 0) ? this.current : this.lastSequence;
	}

	/** Writes what is queued and closes the files; on endpoint termination. */
	void close() {
		if (this.writer != null) {
			this.writer.close();
		}
	}

	/** Whether the calling code records: journaled, on the main thread, inside a message. */
	private boolean recording() {
		return this.writer != null && Thread.currentThread() == this.server.getMainThread() && this.current != 0
				&& this.writer.isRecording();
	}

	private long begin() {
		this.current = ++this.lastSequence;
		this.created = 0;
		return this.current;
	}

	/**
	 * Appends a message record, then the endpoint's new fencing token if it changed since the
	 * last message: a leader-elected endpoint's token is switched from another thread, and the
	 * endpoint reads it (into outbound calls, into its state), so a replay must switch it too.
	 */
	private void appendMessage(byte[] frame) {
		this.writer.append(frame);
		if (this.server.endpoint() instanceof FencedRpcEndpoint<?> fenced && !fenced.hasFixedFencingToken()) {
			Object token = fenced.getFencingToken();
			if (!Objects.equals(token, this.recordedToken)) {
				this.recordedToken = token;
				this.writer.append(this.codec.fencingToken(this.current, contractOf(this.server.gateways().get(0)),
						token));
			}
		}
	}

	private Origin nextOrigin() {
		return new Origin(this.current, ++this.created);
	}

	/** The main thread finished a message. */
	void endMessage() {
		this.current = 0;
	}

	// ------------------------------------------------------------------------
	// Messages
	// ------------------------------------------------------------------------

	void lifecycle(boolean start) {
		if (this.writer != null) {
			Object token = (start && this.server.endpoint() instanceof FencedRpcEndpoint<?> fenced)
					? fenced.getFencingToken() : null;
			GatewayContract contract = (token != null) ? contractOf(this.server.gateways().get(0)) : null;
			appendMessage(this.codec.lifecycle(begin(), start, contract, token));
		}
	}

	void invoked(GatewayMethod method, Object[] args) {
		if (this.writer != null) {
			appendMessage(this.codec.invoked(begin(), method.contract, method.method, args));
		}
	}

	Runnable task(Runnable runnable) {
		if (this.writer == null || runnable instanceof Recorded) {
			return runnable;
		}
		if (recording()) {
			return new Task(nextOrigin(), runnable, false);
		}
		return new Foreign(runnable);
	}

	Callable<Object> task(Callable<Object> callable) {
		if (this.writer == null) {
			return callable;
		}
		Runnable tag = task(() -> {
		});
		return () -> {
			tag.run();
			return callable.call();
		};
	}

	Runnable timer(Runnable runnable, long delayMillis) {
		if (this.writer == null) {
			return runnable;
		}
		if (recording()) {
			Origin origin = nextOrigin();
			this.writer.append(this.codec.scheduled(this.current, origin, delayMillis));
			return new Task(origin, runnable, true);
		}
		return new Foreign(runnable);
	}

	/** Work whose message record it writes itself when it runs. */
	private interface Recorded extends Runnable {
	}

	private final class Task implements Recorded {

		private final Origin origin;

		private final Runnable runnable;

		private final boolean timer;

		Task(Origin origin, Runnable runnable, boolean timer) {
			this.origin = origin;
			this.runnable = runnable;
			this.timer = timer;
		}

		@Override
		public void run() {
			long sequence = begin();
			appendMessage(this.timer ? EndpointJournal.this.codec.timer(sequence, this.origin)
					: EndpointJournal.this.codec.task(sequence, this.origin));
			this.runnable.run();
		}

	}

	private final class Foreign implements Recorded {

		private final Runnable runnable;

		Foreign(Runnable runnable) {
			this.runnable = runnable;
		}

		@Override
		public void run() {
			appendMessage(EndpointJournal.this.codec.foreignTask(begin(), this.runnable.getClass().getName()));
			this.runnable.run();
		}

	}

	// ------------------------------------------------------------------------
	// Effects
	// ------------------------------------------------------------------------

	void clockRead(Instant instant) {
		if (recording()) {
			this.writer.append(this.codec.clock(this.current, instant));
		}
	}

	/**
	 * Journals a connect made by the endpoint: its outcome is delivered as a message of its own and
	 * the gateway it yields journals the calls made through it.
	 */
	<C extends RpcGateway> CompletableFuture<C> connected(CompletableFuture<C> connection, Class<C> gateway,
			String address) {
		if (!recording()) {
			return connection;
		}
		Origin origin = nextOrigin();
		this.writer.append(this.codec.connected(this.current, origin, gateway, address));
		GatewayContract contract = contractOf(gateway);
		CompletableFuture<C> observed = new CompletableFuture<>();
		connection.whenComplete((proxy, failure) -> deliver(origin, contract, null, failure, () -> {
			if (failure != null) {
				observed.completeExceptionally(RpcExceptions.stripCompletion(failure));
			}
			else {
				observed.complete(JournalingGateway.wrap(proxy, gateway, contract, this));
			}
		}));
		return observed;
	}

	/**
	 * Runs a call of a connected gateway, journaling it when made from the main thread.
	 */
	Object call(Object target, GatewayContract contract, String address, Method method, Object[] args)
			throws Throwable {
		if (!recording()) {
			return invoke(target, method, args);
		}
		Origin origin = nextOrigin();
		this.writer.append(this.codec.called(this.current, origin, contract, address, method, args));
		Class<?> returnType = method.getReturnType();
		if (returnType == CompletableFuture.class) {
			CompletableFuture<?> result;
			try {
				result = (CompletableFuture<?>) invoke(target, method, args);
			}
			catch (Throwable ex) {
				result = CompletableFuture.failedFuture(ex);
			}
			CompletableFuture<Object> observed = new CompletableFuture<>();
			result.whenComplete((value, failure) -> deliver(origin, contract, value, failure, () -> {
				if (failure != null) {
					observed.completeExceptionally(RpcExceptions.stripCompletion(failure));
				}
				else {
					observed.complete(value);
				}
			}));
			return observed;
		}
		if (returnType == void.class) {
			return invoke(target, method, args);
		}
		try {
			Object value = invoke(target, method, args);
			this.writer.append(this.codec.returned(this.current, origin, contract, value, null));
			return value;
		}
		catch (Throwable ex) {
			this.writer.append(this.codec.returned(this.current, origin, contract, null, ex));
			throw ex;
		}
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private void deliver(Origin origin, GatewayContract contract, Object value, Throwable failure, Runnable complete) {
		Throwable cause = (failure != null) ? RpcExceptions.stripCompletion(failure) : null;
		this.server.runAsync(new Delivery(origin, contract, value, cause, complete));
	}

	private final class Delivery implements Recorded {

		private final Origin origin;

		private final GatewayContract contract;

		private final Object value;

		private final Throwable failure;

		private final Runnable complete;

		Delivery(Origin origin, GatewayContract contract, Object value, Throwable failure, Runnable complete) {
			this.origin = origin;
			this.contract = contract;
			this.value = value;
			this.failure = failure;
			this.complete = complete;
		}

		@Override
		public void run() {
			appendMessage(EndpointJournal.this.codec.delivered(begin(), this.origin, this.contract, this.value,
					this.failure));
			this.complete.run();
		}

	}

	private GatewayContract contractOf(Class<? extends RpcGateway> gateway) {
		return this.context.models().of(gateway).contract;
	}

}
