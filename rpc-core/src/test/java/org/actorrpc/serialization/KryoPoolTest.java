package org.actorrpc.serialization;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.actorrpc.serialization.WireGateways.Acknowledgement;
import org.actorrpc.serialization.WireGateways.CheckpointGateway;
import org.actorrpc.serialization.WireGateways.Heartbeat;
import org.actorrpc.serialization.WireGateways.SlotGateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Kryo instances that the gateway contracts of one service share: no two threads ever work on
 * one instance, an instance whose operation threw is never lent again, and instances are reused,
 * so a service holds as many as threads encode or decode at the same moment, not one per contract
 * and thread.
 */
class KryoPoolTest {

	private static final long TIMEOUT_SECONDS = 60;

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	private final KryoPool pool = new KryoPool();

	private final GatewayContract slots = GatewayContract.of(SlotGateway.class, List.of(), this.pool);

	private final GatewayContract checkpoints = GatewayContract.of(CheckpointGateway.class, List.of(), this.pool);

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.threads.shutdownNow();
		assertThat(this.threads.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void concurrentEncodersAndDecodersOfTwoContractsOnEightThreadsGetExactRoundTrips() throws Exception {
		GatewayContract ownSlots = GatewayContract.of(SlotGateway.class, List.of());
		GatewayContract ownCheckpoints = GatewayContract.of(CheckpointGateway.class, List.of());
		CyclicBarrier start = new CyclicBarrier(8);
		List<CompletableFuture<Integer>> workers = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			workers.add(CompletableFuture.supplyAsync(() -> {
				await(start);
				int checked = 0;
				for (int i = 0; i < 500; i++) {
					int index = thread * 1000 + i;
					Heartbeat heartbeat = WireGateways.heartbeat(index);
					byte[] heartbeatBytes = this.slots.toBytes(heartbeat);
					Acknowledgement ack = WireGateways.acknowledgement(index);
					byte[] ackBytes = this.checkpoints.toBytes(ack);
					// same bytes as contracts with instances of their own: no id of the other contract leaked in
					assertThat(heartbeatBytes).isEqualTo(ownSlots.toBytes(heartbeat));
					assertThat(ackBytes).isEqualTo(ownCheckpoints.toBytes(ack));
					Heartbeat readHeartbeat = (Heartbeat) this.slots.fromBytes(heartbeatBytes);
					assertThat(readHeartbeat.from()).isEqualTo(heartbeat.from());
					assertThat(readHeartbeat.slots()[1].samples()).isEqualTo(heartbeat.slots()[1].samples());
					assertThat(readHeartbeat.slots()[0].slot()).isEqualTo(heartbeat.slots()[0].slot());
					assertThat(this.checkpoints.fromBytes(ackBytes)).isEqualTo(ack);
					checked++;
				}
				return checked;
			}, this.threads));
		}

		for (CompletableFuture<Integer> worker : workers) {
			assertThat(worker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(500);
		}
		assertThat(this.pool.created()).as("instances: at most one per thread at the same moment").isLessThanOrEqualTo(8);
	}

	@Test
	void twoThreadsNeverHoldTheSameInstance() throws Exception {
		CountDownLatch allHolding = new CountDownLatch(8);
		List<CompletableFuture<Kryo>> holders = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			GatewayContract contract = (t % 2 == 0) ? this.slots : this.checkpoints;
			holders.add(CompletableFuture.supplyAsync(() -> {
				Kryo kryo = contract.borrow();
				allHolding.countDown();
				try {
					assertThat(allHolding.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				contract.release(kryo);
				return kryo;
			}, this.threads));
		}

		List<Kryo> held = new ArrayList<>();
		for (CompletableFuture<Kryo> holder : holders) {
			held.add(holder.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
		}
		assertThat(held).doesNotHaveDuplicates();
	}

	@Test
	void sequentialCallsOfThreeContractsOnManyThreadsReuseOneInstance() throws Exception {
		GatewayContract third = GatewayContract.of(SlotGateway.class, List.of(Acknowledgement.class), this.pool);
		for (int t = 0; t < 20; t++) {
			int thread = t;
			// one thread at a time, each a different thread from the one before
			Thread worker = new Thread(() -> {
				for (int i = 0; i < 50; i++) {
					int index = thread * 100 + i;
					assertThat(this.slots.fromBytes(this.slots.toBytes(WireGateways.report(index))))
						.isInstanceOf(WireGateways.SlotReport.class);
					assertThat(this.checkpoints.fromBytes(this.checkpoints.toBytes(WireGateways.acknowledgement(index))))
						.isEqualTo(WireGateways.acknowledgement(index));
					assertThat(third.fromBytes(third.toBytes(WireGateways.acknowledgement(index))))
						.isEqualTo(WireGateways.acknowledgement(index));
				}
			}, "sequential-" + t);
			worker.start();
			worker.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
			assertThat(worker.isAlive()).isFalse();
		}

		assertThat(this.pool.created()).isEqualTo(1);
	}

	@Test
	void borrowingAndReleasingAllocateNothingOnceAnInstanceServedTheContracts() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
		this.slots.release(this.slots.borrow());
		this.checkpoints.release(this.checkpoints.borrow());

		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < 10_000; i++) {
			this.slots.release(this.slots.borrow());
			this.checkpoints.release(this.checkpoints.borrow());
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;

		// 20,000 pairs: even one small object each would be hundreds of KiB
		assertThat(allocated).isLessThan(4096);
		assertThat(this.pool.created()).isEqualTo(1);
	}

	@Test
	void anInstanceWhoseReadFailedIsNeverLentAgainAndTheNextReadSucceeds() {
		Kryo before = this.slots.borrow();
		this.slots.release(before);
		byte[] truncated = Arrays.copyOf(this.slots.toBytes(WireGateways.heartbeat(1)), 40);

		assertThatExceptionOfType(KryoException.class).isThrownBy(() -> this.slots.fromBytes(truncated));

		assertThat(this.slots.fromBytes(this.slots.toBytes(WireGateways.report(2))))
			.isInstanceOf(WireGateways.SlotReport.class);
		Kryo after = this.slots.borrow();
		this.slots.release(after);
		assertThat(after).isNotSameAs(before);
		assertThat(this.pool.created()).isEqualTo(2);
	}

	@Test
	void anInstanceWhoseWriteFailedIsNeverLentAgain() {
		Kryo before = this.checkpoints.borrow();
		this.checkpoints.release(before);

		assertThatIllegalArgumentException().isThrownBy(() -> this.checkpoints.toBytes(new Object()))
			.withMessageContaining("java.lang.Object");

		Kryo after = this.checkpoints.borrow();
		this.checkpoints.release(after);
		assertThat(after).isNotSameAs(before);
		assertThat(this.checkpoints.fromBytes(this.checkpoints.toBytes(WireGateways.slot(3))))
			.isEqualTo(WireGateways.slot(3));
	}

	@Test
	void idleInstancesKeptAreBoundedByTheIdleSlotsWhateverThePeakConcurrency() {
		KryoPool small = new KryoPool(2);
		GatewayContract contract = GatewayContract.of(SlotGateway.class, List.of(), small);
		List<Kryo> peak = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			peak.add(contract.borrow());
		}
		peak.forEach(contract::release);
		assertThat(small.created()).isEqualTo(5);

		for (int i = 0; i < 100; i++) {
			contract.fromBytes(contract.toBytes(WireGateways.slot(i)));
		}
		Kryo first = contract.borrow();
		Kryo second = contract.borrow();
		Kryo third = contract.borrow();
		assertThat(List.of(first, second)).containsExactlyInAnyOrder(peak.get(0), peak.get(1));
		assertThat(third).isNotIn(peak);
		assertThat(small.created()).isEqualTo(6);
	}

	@Test
	void givingAnInstanceBackTwiceIsRefusedSoTwoThreadsCannotGetIt() {
		Kryo kryo = this.slots.borrow();
		this.slots.release(kryo);

		assertThatIllegalArgumentException().isThrownBy(() -> this.slots.release(kryo))
			.withMessageContaining(SlotGateway.class.getName())
			.withMessageContaining("give back an instance once");
		assertThatIllegalArgumentException().isThrownBy(() -> this.slots.discard(kryo));
		Kryo first = this.slots.borrow();
		Kryo second = this.checkpoints.borrow();
		assertThat(first).isNotSameAs(second);
	}

	@Test
	void givingAnInstanceBackToAnotherContractOrAKryoFromElsewhereIsRefused() {
		Kryo kryo = this.slots.borrow();

		assertThatIllegalArgumentException().isThrownBy(() -> this.checkpoints.release(kryo))
			.withMessageContaining(CheckpointGateway.class.getName());
		assertThatIllegalArgumentException().isThrownBy(() -> this.slots.release(new Kryo()));
		this.slots.release(kryo);
	}

	@Test
	void aPoolWithoutIdleSlotsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KryoPool(0))
			.withMessage("A Kryo pool needs at least 1 idle slot, not 0");
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the workers did not start together", ex);
		}
	}

}
