package org.actorrpc.test.replay;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalRecord;
import org.actorrpc.journal.JournalRecord.Origin;
import org.actorrpc.serialization.GatewayContract;

/**
 * Drives one replayed endpoint through its journal, message by message, and checks every effect
 * of the replayed endpoint against the record: a clock reading returns the recorded instant, an
 * outbound call or connect must match the recorded one and gets its result when the journal
 * delivers it, a timer must be scheduled with the recorded delay and runs when the journal says it
 * fired, a task runs when the journal says it ran. Work is matched by its {@link Origin}, which a
 * deterministic endpoint recreates exactly.
 *
 * <p><b>Threading:</b> not thread-safe; the thread that advances the replay is the replayed
 * endpoint's main thread (so code inspecting the endpoint passes its main-thread checks when run by
 * that thread).
 */
final class ReplayEngine {

	private final Journal journal;

	private final List<JournalRecord> records;

	private final ClassLoader classLoader;

	private final Map<String, List<Method>> methodsByGateway = new HashMap<>();

	private final Map<Origin, Runnable> tasks = new LinkedHashMap<>();

	private final Map<Origin, Runnable> timers = new LinkedHashMap<>();

	private final Map<Origin, Pending> pending = new LinkedHashMap<>();

	private RpcEndpoint endpoint;

	private Thread mainThread = Thread.currentThread();

	private int index;

	private long position;

	private long current;

	private int created;

	private List<JournalRecord> effects = List.of();

	private int effectCursor;

	private Instant lastReading;

	/** The first divergence, kept even if the endpoint's code catches it (a future swallows it). */
	private NonDeterminismException divergence;

	/** An outbound call or connect waiting for its recorded outcome. */
	private record Pending(CompletableFuture<Object> future, Class<?> connectedGateway, String address) {
	}

	ReplayEngine(Journal journal, ClassLoader classLoader) {
		this.journal = journal;
		this.records = journal.records();
		this.classLoader = classLoader;
		if (journal.firstSequence() > 1) {
			throw new ReplayException("The journal of endpoint " + journal.endpointId() + " begins at message "
					+ journal.firstSequence() + ": its oldest segments were deleted (actorrpc.journal.on-full is "
					+ "delete-oldest), and a replay needs every message from the endpoint's start", null);
		}
	}

	void attach(RpcEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	Thread mainThread() {
		return this.mainThread;
	}

	long position() {
		return this.position;
	}

	/** @return the message being replayed, or the last one replayed between messages */
	long sequence() {
		return (this.current != 0) ? this.current : this.position;
	}

	/** @return the time the replayed endpoint reads: the last recorded reading so far */
	Instant virtualTime() {
		return (this.lastReading != null) ? this.lastReading : Instant.EPOCH;
	}

	String endpointAddress() {
		return this.journal.endpointAddress();
	}

	// ------------------------------------------------------------------------
	// Driving
	// ------------------------------------------------------------------------

	/**
	 * Replays every message up to and including {@code sequence}.
	 */
	void advanceTo(long sequence) {
		this.mainThread = Thread.currentThread();
		while (this.index < this.records.size() && this.records.get(this.index).sequence() <= sequence) {
			JournalRecord message = this.records.get(this.index++);
			if (!message.isMessage()) {
				// An Ended record (the journal stopped) has nothing to replay.
				continue;
			}
			List<JournalRecord> recordedEffects = new ArrayList<>();
			while (this.index < this.records.size() && !this.records.get(this.index).isMessage()) {
				JournalRecord effect = this.records.get(this.index++);
				if (!(effect instanceof JournalRecord.Ended)) {
					recordedEffects.add(effect);
				}
			}
			this.current = message.sequence();
			this.created = 0;
			this.effects = recordedEffects;
			this.effectCursor = 0;
			try {
				try {
					switchFencingToken();
					dispatch(message);
				}
				catch (RuntimeException ex) {
					throw (this.divergence != null) ? this.divergence : ex;
				}
				if (this.divergence != null) {
					throw this.divergence;
				}
				if (this.effectCursor < this.effects.size()) {
					throw diverge(this.current, this.effects.get(this.effectCursor).toString(),
							"finished the message without it");
				}
			}
			finally {
				this.current = 0;
			}
			this.position = message.sequence();
		}
	}

	/**
	 * Applies a fencing token change recorded for the message about to be replayed: the live
	 * endpoint processed it under that token (switched by its leader election).
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void switchFencingToken() {
		while (this.effectCursor < this.effects.size()
				&& this.effects.get(this.effectCursor) instanceof JournalRecord.FencingTokenChanged changed) {
			this.effectCursor++;
			if (this.endpoint instanceof FencedRpcEndpoint fenced && !fenced.hasFixedFencingToken()) {
				fenced.updateFencingToken((Serializable) changed.fencingToken());
			}
			else {
				throw diverge(this.current, "fencing token switched to " + changed.fencingToken(),
						"the replayed endpoint's token cannot switch (it is not a FencedRpcEndpoint created without "
								+ "a fixed token)");
			}
		}
	}

	private void dispatch(JournalRecord message) {
		if (message instanceof JournalRecord.Started) {
			try {
				this.endpoint.internalCallOnStart();
			}
			catch (Exception ex) {
				throw new ReplayException("onStart of the replayed endpoint failed at message " + this.current
						+ ": " + ex, ex);
			}
		}
		else if (message instanceof JournalRecord.Stopped) {
			this.endpoint.internalCallOnStop();
		}
		else if (message instanceof JournalRecord.Invoked invoked) {
			invoke(invoked);
		}
		else if (message instanceof JournalRecord.TaskRan task) {
			Runnable runnable = this.tasks.remove(task.origin());
			if (runnable == null) {
				throw diverge(this.current, "task " + task.origin() + " running",
						"created no task " + task.origin() + " (tasks waiting to run: " + this.tasks.keySet() + ")");
			}
			runTask(runnable);
		}
		else if (message instanceof JournalRecord.TimerFired timer) {
			Runnable runnable = this.timers.remove(timer.origin());
			if (runnable == null) {
				throw diverge(this.current, "timer " + timer.origin() + " firing",
						"scheduled no timer " + timer.origin() + " (timers pending: " + this.timers.keySet() + ")");
			}
			runTask(runnable);
		}
		else if (message instanceof JournalRecord.Delivered delivered) {
			deliver(delivered);
		}
		else if (message instanceof JournalRecord.ForeignTaskRan foreign) {
			throw new ReplayException("Message " + this.current + " is a task submitted from outside the endpoint's "
					+ "main thread (" + foreign.description() + "): its code is not in the journal, so the endpoint can "
					+ "be replayed only up to message " + (this.current - 1) + ". Send such work to the endpoint "
					+ "through a gateway method (recorded with its arguments), or schedule it from the main thread.",
					null);
		}
	}

	private NonDeterminismException diverge(long sequence, String recorded, String replayed) {
		NonDeterminismException ex = new NonDeterminismException(sequence, recorded, replayed);
		if (this.divergence == null) {
			this.divergence = ex;
		}
		return ex;
	}

	private void runTask(Runnable runnable) {
		try {
			runnable.run();
		}
		catch (RuntimeException ex) {
			// The live endpoint logged the same failure and went on.
		}
	}

	private void invoke(JournalRecord.Invoked invoked) {
		if (invoked.args() == null) {
			throw new ReplayException("Message " + this.current + " (" + invoked.gateway() + "." + invoked.method()
					+ ") was journaled without its arguments (" + invoked.unrecorded() + "), so it cannot be "
					+ "replayed: make the arguments serializable with the gateway's contract", null);
		}
		Method method = methodOf(invoked.gateway(), invoked.methodIndex(), invoked.method());
		try {
			method.invoke(this.endpoint, invoked.args());
		}
		catch (InvocationTargetException ex) {
			if (ex.getTargetException() instanceof Error error) {
				throw error;
			}
			// The live endpoint answered the caller with the same failure.
		}
		catch (IllegalAccessException ex) {
			throw new ReplayException("Could not invoke " + method + " on the replayed endpoint", ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Method methodOf(String gatewayName, int methodIndex, String methodName) {
		List<Method> methods = this.methodsByGateway.computeIfAbsent(gatewayName, (name) -> {
			try {
				Class<?> gateway = Class.forName(name, false, this.classLoader);
				return GatewayContract.of((Class<? extends RpcGateway>) gateway, List.of()).methods();
			}
			catch (ClassNotFoundException ex) {
				throw new ReplayException("The journal names gateway " + name + ", which is not on the class path", ex);
			}
		});
		Method method = (methodIndex < methods.size()) ? methods.get(methodIndex) : null;
		if (method == null || !method.getName().equals(methodName)) {
			throw diverge(this.current, "an invocation of " + gatewayName + "." + methodName,
					"has no such method at index " + methodIndex + " (the gateway interface changed)");
		}
		method.setAccessible(true);
		return method;
	}

	private void deliver(JournalRecord.Delivered delivered) {
		Pending waiting = this.pending.remove(delivered.origin());
		if (waiting == null) {
			throw diverge(this.current,
					"the result of call " + delivered.origin() + " arriving (" + delivered + ")",
					"made no call " + delivered.origin() + " (calls waiting for a result: " + this.pending.keySet() + ")");
		}
		if (delivered.failure() != null) {
			waiting.future().completeExceptionally(delivered.failure());
		}
		else if (waiting.connectedGateway() != null) {
			waiting.future().complete(ReplayGateway.create(this, waiting.connectedGateway(), waiting.address()));
		}
		else {
			waiting.future().complete(delivered.value());
		}
	}

	// ------------------------------------------------------------------------
	// Effects of the replayed endpoint
	// ------------------------------------------------------------------------

	private boolean inMessage() {
		return Thread.currentThread() == this.mainThread && this.current != 0;
	}

	private Origin nextOrigin() {
		return new Origin(this.current, ++this.created);
	}

	private <R extends JournalRecord> R expect(Class<R> type, String replayed) {
		if (this.effectCursor >= this.effects.size()) {
			throw diverge(this.current, "nothing more in this message", replayed);
		}
		JournalRecord next = this.effects.get(this.effectCursor);
		if (!type.isInstance(next)) {
			throw diverge(this.current, next.toString(), replayed);
		}
		this.effectCursor++;
		return type.cast(next);
	}

	Instant readClock() {
		if (!inMessage()) {
			return virtualTime();
		}
		JournalRecord.ClockRead reading = expect(JournalRecord.ClockRead.class, "read the clock");
		this.lastReading = reading.instant();
		return reading.instant();
	}

	void runAsync(Runnable runnable) {
		if (inMessage()) {
			this.tasks.put(nextOrigin(), runnable);
		}
		// Outside a message (another thread, or code inspecting the endpoint after the replay) a task
		// has no recorded counterpart and never runs.
	}

	<V> CompletableFuture<V> callAsync(Callable<V> callable) {
		CompletableFuture<V> future = new CompletableFuture<>();
		runAsync(() -> {
			try {
				future.complete(callable.call());
			}
			catch (Exception ex) {
				future.completeExceptionally(ex);
			}
		});
		return future;
	}

	void scheduleRunAsync(Runnable runnable, long delayMillis) {
		if (!inMessage()) {
			return;
		}
		Origin origin = nextOrigin();
		String replayed = "scheduled timer " + origin + " with a delay of " + delayMillis + " ms";
		JournalRecord.Scheduled scheduled = expect(JournalRecord.Scheduled.class, replayed);
		if (!scheduled.origin().equals(origin) || scheduled.delayMillis() != delayMillis) {
			throw diverge(this.current, "timer " + scheduled.origin() + " with a delay of "
					+ scheduled.delayMillis() + " ms", replayed);
		}
		this.timers.put(origin, runnable);
	}

	@SuppressWarnings("unchecked")
	<C> CompletableFuture<C> connect(String address, Class<C> gateway) {
		CompletableFuture<Object> future = new CompletableFuture<>();
		if (!inMessage()) {
			future.completeExceptionally(new IllegalStateException("A replayed endpoint connects only while it "
					+ "replays a message"));
			return (CompletableFuture<C>) future;
		}
		Origin origin = nextOrigin();
		String replayed = "connected to " + gateway.getName() + " at " + address + " (" + origin + ")";
		JournalRecord.Connected connected = expect(JournalRecord.Connected.class, replayed);
		if (!connected.origin().equals(origin) || !connected.gateway().equals(gateway.getName())
				|| !connected.address().equals(address)) {
			throw diverge(this.current, connected.toString(), replayed);
		}
		this.pending.put(origin, new Pending(future, gateway, address));
		return (CompletableFuture<C>) future;
	}

	Object call(Class<?> gateway, String address, Method method, Object[] args) throws Throwable {
		Object[] values = (args != null) ? args : new Object[0];
		String replayed = "called " + gateway.getSimpleName() + "." + method.getName() + Arrays.deepToString(values)
				+ " at " + address;
		if (!inMessage()) {
			throw new IllegalStateException("A replayed endpoint's gateways are called only while it replays a "
					+ "message; this call " + replayed + " has no record");
		}
		Origin origin = nextOrigin();
		JournalRecord.Called called = expect(JournalRecord.Called.class, replayed + " (" + origin + ")");
		if (!called.origin().equals(origin) || !called.gateway().equals(gateway.getName())
				|| !called.method().equals(method.getName()) || !called.address().equals(address)
				|| !Arrays.deepEquals(called.args(), values)) {
			throw diverge(this.current, called.toString(), replayed + " (" + origin + ")");
		}
		Class<?> returnType = method.getReturnType();
		if (returnType == CompletableFuture.class) {
			CompletableFuture<Object> future = new CompletableFuture<>();
			this.pending.put(origin, new Pending(future, null, address));
			return future;
		}
		if (returnType == void.class) {
			return null;
		}
		JournalRecord.Returned returned = expect(JournalRecord.Returned.class, "waited for " + replayed);
		if (returned.failure() != null) {
			throw returned.failure();
		}
		return returned.value();
	}

}
