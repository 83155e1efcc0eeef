package org.actorrpc.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.actorrpc.RpcGateway;
import org.actorrpc.test.internal.Network;
import org.actorrpc.test.internal.TestingRuntime;
import org.actorrpc.test.internal.TestingServer;

/**
 * Injects faults between the endpoints of a {@link TestingRpcService} and toward its registered
 * fakes. Obtain it with {@link TestingRpcService#faults()}. Select invocations by sender and
 * recipient, then say what happens to them:
 *
 * <pre class="code">
 * Fault lost = service.faults().from(taskManager).to(resourceManager).drop();
 * Fault slow = service.faults().to(jobMaster).delay(Duration.ofSeconds(2));
 * Fault shuffled = service.faults().to(jobMaster).reorder(42);
 * Fault split = service.faults().partition(taskManagerAddress);
 * service.faults().kill(taskManager);
 * lost.heal();
 * </pre>
 *
 * <ul>
 * <li>{@code drop()}: matching invocations are lost; a call then fails with its timeout once
 * virtual time passes it, a fire-and-forget message simply never arrives.</li>
 * <li>{@code delay(d)}: matching invocations arrive {@code d} of virtual time later.</li>
 * <li>{@code reorder(seed)}: matching invocations of different senders arrive in a random (seeded,
 * so repeatable) interleaving.</li>
 * </ul>
 * No fault reorders the invocations of one sender to one recipient: they always arrive in the
 * order they were sent. The first rule that matches an invocation decides. Senders are endpoint
 * addresses, or {@link TestingRpcService#OUTSIDE} for calls the test makes itself; an endpoint, a
 * gateway or an address string names a participant.
 *
 * <p>{@code partition(...)} cuts the given addresses off from all others, both ways: calls across
 * fail at once with a {@link org.actorrpc.exceptions.RecipientUnreachableException} (as the real
 * service fails calls to an unreachable node), and so do calls already waiting across the cut;
 * connects across fail with an {@link org.actorrpc.exceptions.RpcConnectionException}.
 * {@code kill(...)} is a peer's death: a hosted endpoint terminates without {@code onStop}, its
 * queued messages and every call waiting for it fail as unreachable; a killed fake is unreachable
 * from then on.
 *
 * <p>Thread-safe.
 */
public final class FaultInjector {

	private final TestingRuntime runtime;

	FaultInjector(TestingRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Selects the invocations sent by the given endpoints.
	 * @param senders endpoints, gateways or addresses
	 * @return a selection to narrow or act on
	 */
	public Selection from(Object... senders) {
		return new Selection(addresses(senders), Set.of());
	}

	/**
	 * Selects the invocations sent to the given endpoints or fakes.
	 * @param recipients endpoints, gateways or addresses
	 * @return a selection to narrow or act on
	 */
	public Selection to(Object... recipients) {
		return new Selection(Set.of(), addresses(recipients));
	}

	/**
	 * Selects every invocation.
	 * @return a selection to narrow or act on
	 */
	public Selection everything() {
		return new Selection(Set.of(), Set.of());
	}

	/**
	 * Cuts the given participants off from every other one, both ways, until healed.
	 * @param side endpoints, gateways or addresses on one side of the cut
	 * @return the fault
	 */
	public Fault partition(Object... side) {
		Set<String> addresses = addresses(side);
		if (addresses.isEmpty()) {
			throw new IllegalArgumentException("A partition needs at least one address on its side of the cut");
		}
		Network.Partition partition = new Network.Partition(addresses);
		this.runtime.network().add(partition);
		return new Fault(this.runtime.network(), null, partition, "partition " + addresses);
	}

	/**
	 * Kills participants: hosted endpoints terminate without {@code onStop}, registered fakes become
	 * unreachable. In both cases every call waiting for them fails at once as unreachable.
	 * @param peers endpoints, gateways or addresses
	 * @throws IllegalArgumentException if an address is neither a running endpoint nor a fake
	 */
	public void kill(Object... peers) {
		for (String address : addresses(peers)) {
			TestingServer server = this.runtime.serverAt(address);
			if (this.runtime.hasFake(address)) {
				this.runtime.network().killFake(address);
			}
			else if (server != null) {
				server.kill();
			}
			else {
				throw new IllegalArgumentException("Cannot kill " + address + ": no running endpoint or registered fake "
						+ "has this address in this TestingRpcService");
			}
		}
	}

	/** Ends every rule and partition and revives killed fakes (killed endpoints stay dead). */
	public void healAll() {
		this.runtime.network().healAll();
	}

	private static Set<String> addresses(Object... participants) {
		Objects.requireNonNull(participants, "participants");
		Set<String> result = new LinkedHashSet<>();
		for (Object participant : participants) {
			if (participant instanceof String address) {
				result.add(address);
			}
			else if (participant instanceof RpcGateway gateway) {
				result.add(gateway.getAddress());
			}
			else {
				throw new IllegalArgumentException("Name a participant by its endpoint, a gateway or its address, not "
						+ participant + " (of " + Arrays.toString(participants) + ")");
			}
		}
		return result;
	}

	/**
	 * Invocations selected by sender and recipient. Immutable: every method returns a new selection
	 * or puts a fault in force.
	 */
	public final class Selection {

		private final Set<String> senders;

		private final Set<String> recipients;

		private Selection(Set<String> senders, Set<String> recipients) {
			this.senders = senders;
			this.recipients = recipients;
		}

		/**
		 * Narrows to invocations from the given senders.
		 * @param senders endpoints, gateways or addresses
		 * @return the narrowed selection
		 */
		public Selection from(Object... senders) {
			return new Selection(addresses(senders), this.recipients);
		}

		/**
		 * Narrows to invocations to the given recipients.
		 * @param recipients endpoints, gateways or addresses
		 * @return the narrowed selection
		 */
		public Selection to(Object... recipients) {
			return new Selection(this.senders, addresses(recipients));
		}

		/**
		 * Drops the selected invocations until healed.
		 * @return the fault
		 */
		public Fault drop() {
			return add(Network.Rule.Kind.DROP, Duration.ZERO, 0, "drop");
		}

		/**
		 * Delays the selected invocations by the given virtual time until healed.
		 * @param delay a positive duration
		 * @return the fault
		 */
		public Fault delay(Duration delay) {
			Objects.requireNonNull(delay, "delay");
			if (delay.isNegative() || delay.isZero()) {
				throw new IllegalArgumentException("A delay must be positive, but was " + delay);
			}
			return add(Network.Rule.Kind.DELAY, delay, 0, "delay " + delay);
		}

		/**
		 * Interleaves the selected invocations of different senders in a random order drawn from the
		 * seed, until healed; one sender's invocations keep their order.
		 * @param seed the seed, so that a failing run can be repeated
		 * @return the fault
		 */
		public Fault reorder(long seed) {
			return add(Network.Rule.Kind.REORDER, Duration.ZERO, seed, "reorder (seed " + seed + ")");
		}

		private Fault add(Network.Rule.Kind kind, Duration delay, long seed, String what) {
			Network.Rule rule = new Network.Rule(kind, this.senders, this.recipients, delay, seed);
			FaultInjector.this.runtime.network().add(rule);
			return new Fault(FaultInjector.this.runtime.network(), rule, null, what + " from "
					+ (this.senders.isEmpty() ? "anyone" : this.senders) + " to "
					+ (this.recipients.isEmpty() ? "anyone" : this.recipients));
		}

	}

}
