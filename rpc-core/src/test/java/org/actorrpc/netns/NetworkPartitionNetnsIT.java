package org.actorrpc.netns;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.testutil.netns.NamespacedJvm;
import org.actorrpc.testutil.netns.NetworkNamespaces;
import org.actorrpc.testutil.netns.NetworkNamespaces.Namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes that are really apart: each a JVM ({@link NetnsNodeMain}) in its own Linux network
 * namespace with its own address, on a bridge, talking real Pekko Artery TCP. Each binds
 * {@code 0.0.0.0} and advertises its namespace's address. The test cuts and heals the links between
 * them while sequenced calls and fire-and-forget messages run, and checks what a user relies on:
 * calls fail within the unreachable bound, nothing is delivered twice or out of order, what was not
 * delivered is reported to the sender, and traffic resumes when the network heals, with no restart.
 * The tests share the two nodes and run in order (the later ones show the earlier partitions left
 * nothing broken).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkPartitionNetnsIT {

	/** The nodes' {@code peerUnreachableAfter}; their heartbeat interval is {@link #HEARTBEAT}. */
	private static final Duration UNREACHABLE_AFTER = Duration.ofSeconds(2);

	private static final Duration HEARTBEAT = Duration.ofMillis(200);

	/** The documented bound: peerUnreachableAfter plus two heartbeat intervals of the prober's time. */
	private static final Duration DETECTION_BOUND = UNREACHABLE_AFTER.plus(HEARTBEAT.multipliedBy(2));

	/** What a shared, loaded 2-core machine may add to the bound (scheduling, JVM pauses, pipes). */
	private static final Duration LOAD_MARGIN = Duration.ofSeconds(3);

	/** Bound of everything that should simply happen (a JVM starting, traffic resuming). */
	private static final Duration BOUND = Duration.ofSeconds(90);

	private static final int PORT = 6123;

	private NetworkNamespaces nets;

	private Namespace callerNs;

	private Namespace receiverNs;

	private NamespacedJvm caller;

	private NamespacedJvm receiver;

	private String callerAddress;

	private String receiverAddress;

	@BeforeAll
	void startOneNodePerNamespace() throws IOException {
		this.nets = NetworkNamespaces.create("caller", "receiver");
		this.callerNs = this.nets.namespace("caller");
		this.receiverNs = this.nets.namespace("receiver");
		this.caller = start(this.callerNs, "caller");
		this.receiver = start(this.receiverNs, "receiver");
		this.callerAddress = this.caller.await(0, (line) -> line.startsWith("ADDRESS "), BOUND).text().substring(8);
		this.receiverAddress = this.receiver.await(0, (line) -> line.startsWith("ADDRESS "), BOUND).text()
			.substring(8);
	}

	private NamespacedJvm start(Namespace namespace, String systemName) throws IOException {
		return NamespacedJvm.start(this.nets, namespace, List.of("-Xmx96m"), NetnsNodeMain.class, systemName,
				namespace.address(), Integer.toString(PORT), Long.toString(UNREACHABLE_AFTER.toMillis()));
	}

	@AfterAll
	void stopNodesAndRemoveNamespaces() throws InterruptedException {
		try {
			for (NamespacedJvm node : new NamespacedJvm[] { this.caller, this.receiver }) {
				if (node != null) {
					node.close();
				}
			}
		}
		finally {
			if (this.nets != null) {
				this.nets.close();
			}
		}
	}

	@Test
	@Order(1)
	void nodesBoundToEveryAddressAreReachedAtTheAddressEachAdvertisesFromTheOtherNamespace() throws IOException {
		assertThat(this.callerAddress).isEqualTo("pekko://caller@" + this.callerNs.address() + ":" + PORT);
		assertThat(this.receiverAddress).isEqualTo("pekko://receiver@" + this.receiverNs.address() + ":" + PORT);
		assertThat(this.nets.execute(this.receiverNs, "ss", "-Hltn", "sport = :" + PORT))
			.as("the receiver listens on every address of its namespace, not on the one it advertises")
			.containsPattern("(0\\.0\\.0\\.0|\\*|\\[::\\]):" + PORT + "\\s")
			.doesNotContain(this.receiverNs.address() + ":" + PORT);

		assertThat(this.caller.ask("connect " + this.receiverAddress, "CONNECTED", BOUND))
			.isEqualTo("CONNECTED " + this.receiverAddress);
		assertThat(this.caller.ask("echo across namespaces", "ECHO", BOUND)).isEqualTo("ECHO across namespaces");
		assertThat(this.receiver.ask("connect " + this.callerAddress, "CONNECTED", BOUND))
			.isEqualTo("CONNECTED " + this.callerAddress);
		assertThat(this.receiver.ask("echo and back", "ECHO", BOUND)).isEqualTo("ECHO and back");
	}

	@Test
	@Order(2)
	void linkDownFailsCallsWithinTheBoundDeliversNothingTwiceOrOutOfOrderAndCallsResumeWhenTheLinkIsBack()
			throws IOException {
		Counters before = report(this.receiver);
		int from = this.caller.lineCount();
		assertThat(this.caller.ask("traffic 1", "TRAFFIC", BOUND)).isEqualTo("TRAFFIC started");
		awaitCallsAnswered(50);

		long linkDown = System.nanoTime();
		this.nets.linkDown(this.receiverNs);
		Duration detection;
		try {
			NamespacedJvm.Line failed = this.caller.await(from, (line) -> line.startsWith("CALL_FAILED"), BOUND);
			detection = Duration.ofNanos(failed.arrivedNanos() - linkDown);
			assertThat(failed.text()).as("a call in flight across the cut link")
				.contains("type=" + RecipientUnreachableException.class.getName());
			NamespacedJvm.Line refused = this.caller.await(from, (line) -> line.startsWith("REFUSED"), BOUND);
			assertThat(refused.text()).as("new calls while unreachable fail at once").contains("fail at once");
		}
		finally {
			this.nets.linkUp(this.receiverNs);
		}
		long linkUp = System.nanoTime();
		NamespacedJvm.Line resumed = this.caller.await(from, (line) -> line.startsWith("RESUMED"), BOUND);
		Duration resumption = Duration.ofNanos(resumed.arrivedNanos() - linkUp);
		awaitCallsAnswered(counters(this.caller.ask("stats", "STATS", BOUND)).get("callsOk") + 50);
		Counters sent = counters(this.caller.ask("stop", "STOPPED", BOUND));
		Counters after = report(this.receiver);

		System.out.printf("[netns] link down: first call failed %d ms after the cut (bound %d ms + margin %d ms); "
				+ "calls resumed %d ms after the link came back; %s; received %d%n", detection.toMillis(),
				DETECTION_BOUND.toMillis(), LOAD_MARGIN.toMillis(), resumption.toMillis(), sent,
				after.get("received") - before.get("received"));
		assertThat(detection).as("time from cutting the link to the first failed call")
			.isGreaterThanOrEqualTo(UNREACHABLE_AFTER.minus(HEARTBEAT.multipliedBy(2)))
			.isLessThanOrEqualTo(DETECTION_BOUND.plus(LOAD_MARGIN));
		assertThat(this.caller.linesStartingWith(from, "CALL_FAILED")).as("every failed call")
			.allSatisfy((line) -> assertThat(line.text())
				.contains("type=" + RecipientUnreachableException.class.getName()));
		assertNothingDuplicatedReorderedOrSilentlyLost(before, after, sent);
		assertThat(this.caller.handle().isAlive() && this.receiver.handle().isAlive()).as("nothing restarted")
			.isTrue();
	}

	@Test
	@Order(3)
	void returnPathBlackholedOnTheReceiverFailsTheCallersCallsWithinTheBoundAndHealsWithoutDuplicates()
			throws IOException {
		// What this cuts, precisely: a blackhole route to the caller's address inside the receiver's
		// namespace. The caller's packets still reach the receiver; nothing the receiver sends reaches
		// the caller: no answer, no credit grant, no probe answer, and no TCP acknowledgement, so the
		// caller's TCP stream also stalls once its unacknowledged window is full. The receiver's own
		// calls to the caller cannot leave its namespace.
		Counters before = report(this.receiver);
		int from = this.caller.lineCount();
		assertThat(this.caller.ask("traffic 2", "TRAFFIC", BOUND)).isEqualTo("TRAFFIC started");
		awaitCallsAnswered(50);

		long cut = System.nanoTime();
		this.nets.dropPacketsFromTo(this.receiverNs, this.callerNs);
		Duration detection;
		Duration reverseDetection;
		long receivedWhileCut;
		try {
			Counters atCut = report(this.receiver);
			NamespacedJvm.Line failed = this.caller.await(from, (line) -> line.startsWith("CALL_FAILED"), BOUND);
			detection = Duration.ofNanos(failed.arrivedNanos() - cut);
			assertThat(failed.text()).contains("type=" + RecipientUnreachableException.class.getName());
			receivedWhileCut = report(this.receiver).get("received") - atCut.get("received");

			long echoSent = System.nanoTime();
			String reverse = this.receiver.ask("echo toward the caller", "ECHO", BOUND);
			reverseDetection = Duration.ofNanos(System.nanoTime() - echoSent);
			assertThat(reverse).as("the receiver's own call, whose packets cannot leave its namespace")
				.startsWith("ERROR type=" + RecipientUnreachableException.class.getName());
		}
		finally {
			this.nets.restorePacketsFromTo(this.receiverNs, this.callerNs);
		}
		long healed = System.nanoTime();
		NamespacedJvm.Line resumed = this.caller.await(from, (line) -> line.startsWith("RESUMED"), BOUND);
		Duration resumption = Duration.ofNanos(resumed.arrivedNanos() - healed);
		awaitCallsAnswered(counters(this.caller.ask("stats", "STATS", BOUND)).get("callsOk") + 50);
		Counters sent = counters(this.caller.ask("stop", "STOPPED", BOUND));
		Counters after = report(this.receiver);
		assertThat(this.receiver.ask("echo healed", "ECHO", BOUND)).isEqualTo("ECHO healed");

		System.out.printf("[netns] return path blackholed: caller's first call failed %d ms after the cut, the "
				+ "receiver's own call failed after %d ms (bound %d ms + margin %d ms); the receiver still took %d "
				+ "message(s) after the caller's first failure; calls resumed %d ms after the route came back; %s%n",
				detection.toMillis(), reverseDetection.toMillis(), DETECTION_BOUND.toMillis(), LOAD_MARGIN.toMillis(),
				receivedWhileCut, resumption.toMillis(), sent);
		assertThat(detection).isLessThanOrEqualTo(DETECTION_BOUND.plus(LOAD_MARGIN));
		assertThat(reverseDetection).isLessThanOrEqualTo(DETECTION_BOUND.plus(LOAD_MARGIN));
		assertNothingDuplicatedReorderedOrSilentlyLost(before, after, sent);
	}

	@Test
	@Order(4)
	void callerFrozenForLongerThanTheBoundDoesNotBlameItsLivePeerWhenItRuns() throws Exception {
		int from = this.caller.lineCount();
		assertThat(this.caller.ask("traffic 3", "TRAFFIC", BOUND)).isEqualTo("TRAFFIC started");
		awaitCallsAnswered(50);

		// SIGSTOP: the caller's prober, transport and traffic all stop, as in a JVM starved of CPU or
		// paused by its collector, for well over the bound; the receiver and the network are fine.
		signal(this.caller, "-STOP");
		try {
			// The stimulus, not a wait for an outcome: the caller stays frozen twice the bound.
			Thread.sleep(UNREACHABLE_AFTER.multipliedBy(2).toMillis());
			assertThat(this.receiver.ask("report", "REPORT", BOUND)).as("the receiver is alive meanwhile")
				.startsWith("REPORT received=");
		}
		finally {
			signal(this.caller, "-CONT");
		}
		awaitCallsAnswered(counters(this.caller.ask("stats", "STATS", BOUND)).get("callsOk") + 50);
		Counters sent = counters(this.caller.ask("stop", "STOPPED", BOUND));

		assertThat(this.caller.linesStartingWith(from, "CALL_FAILED")).as("calls failed after the caller resumed")
			.isEmpty();
		assertThat(this.caller.linesStartingWith(from, "REFUSED")).as("calls refused after the caller resumed")
			.isEmpty();
		assertThat(sent.get("callsFailed")).isZero();
	}

	private void awaitCallsAnswered(long count) {
		await("caller's calls answered: " + count).atMost(BOUND).pollInterval(Duration.ofMillis(100))
			.until(() -> counters(this.caller.ask("stats", "STATS", BOUND)).get("callsOk") >= count);
	}

	private static void assertNothingDuplicatedReorderedOrSilentlyLost(Counters before, Counters after,
			Counters sent) {
		assertThat(after.get("violations")).as("duplicates or reorderings seen by the receiver (first: %s)",
				after.text()).isEqualTo(before.get("violations")).isZero();
		long received = after.get("received") - before.get("received");
		long accepted = sent.get("attempted") - sent.get("refused");
		assertThat(received).as("messages received: every message sent arrived, or the sender was told (%s)", sent)
			.isGreaterThanOrEqualTo(accepted - sent.get("callsFailed") - sent.get("undelivered"))
			.isLessThanOrEqualTo(accepted);
	}

	private static Counters report(NamespacedJvm node) throws IOException {
		return counters(node.ask("report", "REPORT", BOUND));
	}

	private static void signal(NamespacedJvm node, String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", signal, Long.toString(node.handle().pid())).inheritIO().start();
		if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IllegalStateException("kill " + signal + " " + node.handle().pid() + " failed");
		}
	}

	private static Counters counters(String text) {
		Map<String, String> values = new HashMap<>();
		for (String word : text.split(" ")) {
			int eq = word.indexOf('=');
			if (eq > 0) {
				values.put(word.substring(0, eq), word.substring(eq + 1));
			}
		}
		return new Counters(text, values);
	}

	/**
	 * Counters a node printed as {@code name=value} words.
	 *
	 * @param text the line
	 * @param values the values by name
	 */
	private record Counters(String text, Map<String, String> values) {

		long get(String name) {
			String value = this.values.get(name);
			if (value == null) {
				throw new AssertionError("no " + name + " in '" + this.text + "'");
			}
			return Long.parseLong(value);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
