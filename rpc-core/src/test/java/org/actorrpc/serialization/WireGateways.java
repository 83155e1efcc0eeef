package org.actorrpc.serialization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * Two gateways that share some message types (so their contracts give those types different
 * registration ids) and sample values covering records, enums, arrays, JDK collections, optionals
 * and time types, for the tests that pin the wire format and share Kryo instances.
 */
final class WireGateways {

	private WireGateways() {
	}

	enum SlotState {

		FREE, ALLOCATED, RELEASING

	}

	record SlotId(UUID owner, int index) {
	}

	record SlotReport(SlotId slot, SlotState state, List<String> tags, Map<String, Long> counters,
			Optional<Instant> since, long[] samples) {
	}

	record Heartbeat(String from, Duration interval, SlotReport[] slots) {
	}

	record Acknowledgement(long checkpoint, SlotId slot, List<SlotId> replicas) {
	}

	interface SlotGateway extends RpcGateway {

		CompletableFuture<SlotReport> report(SlotId slot);

		void heartbeat(Heartbeat heartbeat);

	}

	interface CheckpointGateway extends RpcGateway {

		CompletableFuture<Acknowledgement> acknowledge(long checkpoint, SlotId slot);

		void states(Map<SlotId, SlotState> states);

	}

	static SlotId slot(int index) {
		return new SlotId(new UUID(0x0123456789abcdefL, 0x7edcba9876543210L + index), index);
	}

	static SlotReport report(int index) {
		return new SlotReport(slot(index), SlotState.values()[index % 3], List.of("tm-" + index, "zone-a"),
				Map.of("acks", 40L + index), Optional.of(Instant.ofEpochSecond(1_700_000_000L, index)),
				new long[] { index, -index, Long.MAX_VALUE });
	}

	static Heartbeat heartbeat(int index) {
		return new Heartbeat("tm-" + index, Duration.ofMillis(500 + index),
				new SlotReport[] { report(index), report(index + 1) });
	}

	static Acknowledgement acknowledgement(int index) {
		return new Acknowledgement(1_000L + index, slot(index), List.of(slot(index + 1), slot(index + 2)));
	}

}
