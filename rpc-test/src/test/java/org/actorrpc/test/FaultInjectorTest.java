package org.actorrpc.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults between endpoints of a testing service: drop, delay, reorder across senders (never within
 * one), partition and peer death.
 */
class FaultInjectorTest {

	private final List<TestingRpcService> services = new ArrayList<>();

	@AfterEach
	void closeServices() {
		this.services.forEach(TestingRpcService::close);
	}

	private TestingRpcService service(TestingRpcService.Builder builder) {
		TestingRpcService service = builder.build();
		this.services.add(service);
		return service;
	}

	private static CounterGateway connect(TestingRpcService service, String endpointId) {
		return service.connect(service.getEndpointAddress(endpointId), CounterGateway.class).join();
	}

	@Test
	void aDroppedCallIsNotProcessedAndTimesOutOnVirtualTime() {
		TestingRpcService service = service(TestingRpcService.builder().askTimeout(Duration.ofSeconds(5)));
		CounterEndpoint endpoint = new CounterEndpoint(service, "target");
		endpoint.start();
		CounterGateway gateway = connect(service, "target");
		Fault drop = service.faults().to(endpoint).drop();

		CompletableFuture<Integer> lost = gateway.increment();
		gateway.add(3);
		service.advanceTime(Duration.ofSeconds(5));

		assertThatThrownBy(lost::join).hasCauseInstanceOf(RpcTimeoutException.class);
		assertThat(endpoint.events).containsExactly("started");
		assertThat(drop.affectedMessages()).isEqualTo(2);
		drop.heal();
		assertThat(gateway.increment()).isCompletedWithValue(1);
	}

	@Test
	void aDropOnlyHitsTheSelectedSender() {
		TestingRpcService service = service(TestingRpcService.builder());
		CounterEndpoint target = new CounterEndpoint(service, "target");
		CounterEndpoint other = new CounterEndpoint(service, "other");
		target.start();
		other.start();
		CounterGateway fromOther = connect(service, "target");
		service.faults().from(TestingRpcService.OUTSIDE).to(target).drop();

		fromOther.add(1);
		other.runNow(() -> connect(service, "target").add(2));

		assertThat(target.events).containsExactly("started", "add 2");
	}

	@Test
	void aDelayedCallArrivesWhenItsVirtualDelayHasPassed() {
		TestingRpcService service = service(TestingRpcService.builder());
		CounterEndpoint endpoint = new CounterEndpoint(service, "target");
		endpoint.start();
		service.faults().to(endpoint).delay(Duration.ofSeconds(2));

		CompletableFuture<Integer> answer = connect(service, "target").increment();
		service.advanceTime(Duration.ofMillis(1999));
		assertThat(answer).isNotDone();
		service.advanceTime(Duration.ofMillis(1));

		assertThat(answer).isCompletedWithValue(1);
	}

	@Test
	void healingADelayNeverLetsALaterMessageOvertakeAnEarlierOneOfTheSameSender() {
		TestingRpcService service = service(TestingRpcService.builder());
		CounterEndpoint endpoint = new CounterEndpoint(service, "target");
		endpoint.start();
		CounterGateway gateway = connect(service, "target");
		Fault delay = service.faults().to(endpoint).delay(Duration.ofSeconds(2));

		gateway.add(1);
		delay.heal();
		gateway.add(2);
		assertThat(endpoint.events).as("the second waits behind the first").containsExactly("started");
		service.advanceTime(Duration.ofSeconds(2));

		assertThat(endpoint.events).containsExactly("started", "add 1", "add 2");
	}

	@Test
	void reorderInterleavesSendersRepeatablyButKeepsEachSendersOrder() {
		Set<List<String>> orders = new HashSet<>();
		for (long seed = 0; seed < 10; seed++) {
			List<String> first = reorderedArrivals(seed);
			assertThat(reorderedArrivals(seed)).as("seed %d replays the same order", seed).isEqualTo(first);
			assertThat(first.stream().filter((event) -> event.startsWith("add 1")).toList())
				.containsExactly("add 10", "add 11", "add 12");
			assertThat(first.stream().filter((event) -> event.startsWith("add 2")).toList())
				.containsExactly("add 20", "add 21", "add 22");
			orders.add(first);
		}
		assertThat(orders).as("different seeds give different interleavings").hasSizeGreaterThan(1);
	}

	private List<String> reorderedArrivals(long seed) {
		TestingRpcService service = service(TestingRpcService.builder().driving(TestingRpcService.Driving.MANUAL));
		CounterEndpoint target = new CounterEndpoint(service, "target");
		CounterEndpoint a = new CounterEndpoint(service, "a");
		CounterEndpoint b = new CounterEndpoint(service, "b");
		target.start();
		a.start();
		b.start();
		service.runUntilIdle();
		service.faults().to(target).reorder(seed);
		CounterGateway gateway = connect(service, "target");
		for (int i = 0; i < 3; i++) {
			int n = i;
			a.runNow(() -> gateway.add(10 + n));
			b.runNow(() -> gateway.add(20 + n));
		}
		service.runUntilIdle();
		return target.events.subList(1, target.events.size());
	}

	@Test
	void aPartitionFailsCallsAcrossItAtOnceAndHealingRestoresThem() {
		TestingRpcService service = service(TestingRpcService.builder());
		CounterEndpoint endpoint = new CounterEndpoint(service, "island");
		endpoint.start();
		CounterGateway gateway = connect(service, "island");
		CompletableFuture<String> waiting = gateway.never();

		Fault partition = service.faults().partition(endpoint);

		assertThatThrownBy(waiting::join).as("the call in flight fails when the cut happens")
			.hasCauseInstanceOf(RecipientUnreachableException.class);
		assertThatThrownBy(() -> gateway.increment().join()).hasCauseInstanceOf(RecipientUnreachableException.class)
			.hasMessageContaining("partition");
		assertThatThrownBy(() -> connect(service, "island")).hasCauseInstanceOf(RpcConnectionException.class);
		assertThat(endpoint.events).containsExactly("started");
		partition.heal();
		assertThat(gateway.increment()).isCompletedWithValue(1);
	}

	@Test
	void endpointsOnTheSameSideOfAPartitionStillReachEachOther() {
		TestingRpcService service = service(TestingRpcService.builder());
		CounterEndpoint a = new CounterEndpoint(service, "a");
		CounterEndpoint b = new CounterEndpoint(service, "b");
		a.start();
		b.start();
		service.faults().partition(a, b);
		CompletableFuture<Integer> inside = new CompletableFuture<>();

		a.runNow(() -> connect(service, "b").increment().whenComplete((value, failure) -> inside.complete(value)));

		assertThat(inside).isCompletedWithValue(1);
	}

	@Test
	void aKilledEndpointFailsItsWaitingAndQueuedCallsWithoutRunningOnStop() {
		TestingRpcService service = service(TestingRpcService.builder().driving(TestingRpcService.Driving.MANUAL));
		CounterEndpoint endpoint = new CounterEndpoint(service, "doomed");
		endpoint.start();
		CounterGateway gateway = connect(service, "doomed");
		CompletableFuture<String> waiting = gateway.never();
		service.runUntilIdle();
		CompletableFuture<Integer> queued = gateway.increment();

		service.faults().kill(endpoint);
		service.runUntilIdle();

		assertThatThrownBy(waiting::join).hasCauseInstanceOf(RecipientUnreachableException.class)
			.hasMessageContaining("killed");
		assertThatThrownBy(queued::join).hasCauseInstanceOf(RecipientUnreachableException.class);
		assertThat(endpoint.stopped).isFalse();
		assertThat(endpoint.getTerminationFuture()).isCompletedExceptionally();
		assertThatThrownBy(() -> connect(service, "doomed")).hasCauseInstanceOf(RpcConnectionException.class);
	}

	@Test
	void faultsReachRegisteredFakes() {
		TestingRpcService service = service(TestingRpcService.builder());
		FakeCounter fake = new FakeCounter("fake");
		service.registerGateway("fake", fake);
		CounterGateway gateway = service.connect("fake", CounterGateway.class).join();

		Fault drop = service.faults().to("fake").drop();
		gateway.add(1);
		drop.heal();
		service.faults().to("fake").delay(Duration.ofSeconds(1));
		gateway.add(2);
		assertThat(fake.calls).isEmpty();
		service.advanceTime(Duration.ofSeconds(1));
		assertThat(fake.calls).containsExactly("add 2");

		CompletableFuture<String> waiting = gateway.never();
		service.faults().kill("fake");
		assertThatThrownBy(waiting::join).hasCauseInstanceOf(RecipientUnreachableException.class);
		assertThatThrownBy(() -> gateway.increment().join()).hasCauseInstanceOf(RecipientUnreachableException.class);
	}

	@Test
	void killingAnUnknownAddressIsRefusedNamingIt() {
		TestingRpcService service = service(TestingRpcService.builder());

		assertThatThrownBy(() -> service.faults().kill("pekko://nowhere/user/rpc/x"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("pekko://nowhere/user/rpc/x");
	}

}
