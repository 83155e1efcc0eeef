package org.actorrpc.pekko.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.actorrpc.RpcGateway;
import org.actorrpc.serialization.BoundedInput;
import org.actorrpc.serialization.GatewayContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payload codec with the contracts of one service: every gateway the service serves or calls
 * encodes and decodes with the service's shared Kryo instances, so sequential calls need one
 * instance in all, and a request whose bytes break Kryo half-way does not break the requests
 * after it.
 */
class PayloadCodecKryoTest {

	private final ContractRegistry registry = new ContractRegistry(getClass().getClassLoader(), 1024 * 1024);

	@Test
	void requestsAndResponsesOfTwoGatewaysOfAServiceNeedOneKryoInstanceInAll() {
		GatewayContract blobs = this.registry.contractOf(BlobGateway.class);
		GatewayContract counters = this.registry.contractOf(CounterGateway.class);
		int echo = ForgedFrames.methodIndex(blobs, "echo");
		int add = ForgedFrames.methodIndex(counters, "add");

		for (int i = 0; i < 200; i++) {
			RpcRequest echoRequest = decodeRequest(blobs, echo, (byte) 0,
					PayloadCodec.encodeRequest(blobs, null, false, null, new Object[] { "message-" + i }));
			RpcRequest addRequest = decodeRequest(counters, add, PayloadCodec.FLAG_CONTEXT,
					PayloadCodec.encodeRequest(counters, null, false, Map.of("trace", "t-" + i),
							new Object[] { new Increment("c-" + i, i) }));
			RpcResponse response = PayloadCodec.decodeResponse(this.registry, i, counters.fingerprint(), false,
					input(PayloadCodec.encodeValue(counters, new Total(List.of(new Increment("c", i))))));

			assertThat(echoRequest.decodeFailure).isNull();
			assertThat(echoRequest.args).containsExactly("message-" + i);
			assertThat(addRequest.decodeFailure).isNull();
			assertThat(addRequest.args).containsExactly(new Increment("c-" + i, i));
			assertThat(addRequest.context).containsEntry("trace", "t-" + i);
			assertThat(response.failure).isFalse();
			assertThat(response.value).isEqualTo(new Total(List.of(new Increment("c", i))));
		}
		assertThat(this.registry.kryos().created()).isEqualTo(1);
	}

	@Test
	void aRequestThatBreaksKryoHalfWayFailsAloneAndTheNextRequestDecodesOnAFreshInstance() {
		GatewayContract blobs = this.registry.contractOf(BlobGateway.class);
		GatewayContract counters = this.registry.contractOf(CounterGateway.class);
		int count = ForgedFrames.methodIndex(blobs, "count");
		byte[] tooDeep = ForgedFrames.deeplyNestedArrays(blobs, 1, GatewayContract.MAX_NESTING_DEPTH + 10);
		Object[] nested = { new Object[] { 1, "two" }, 3L };

		RpcRequest broken = PayloadCodec.decodeRequest(this.registry, 1, blobs.fingerprint(), count, (byte) 0,
				new BoundedInput(ByteBuffer.wrap(tooDeep, 25, tooDeep.length - 25)));
		RpcRequest next = decodeRequest(blobs, count, (byte) 0,
				PayloadCodec.encodeRequest(blobs, null, false, null, new Object[] { nested }));
		RpcRequest other = decodeRequest(counters, ForgedFrames.methodIndex(counters, "add"), (byte) 0,
				PayloadCodec.encodeRequest(counters, null, false, null, new Object[] { new Increment("c", 1) }));

		assertThat(broken.decodeFailure).hasMessageContaining("BlobGateway.count");
		assertThat(next.decodeFailure).isNull();
		assertThat(next.args).hasSize(1);
		assertThat((Object[]) next.args[0]).hasSize(2).endsWith(3L);
		assertThat((Object[]) ((Object[]) next.args[0])[0]).containsExactly(1, "two");
		assertThat(other.args).containsExactly(new Increment("c", 1));
		assertThat(this.registry.kryos().created()).as("the broken instance was dropped, its successor reused")
			.isEqualTo(2);
	}

	private RpcRequest decodeRequest(GatewayContract contract, int methodIndex, byte flags, byte[] payload) {
		return PayloadCodec.decodeRequest(this.registry, 7, contract.fingerprint(), methodIndex, flags, input(payload));
	}

	private static BoundedInput input(byte[] payload) {
		return new BoundedInput(ByteBuffer.wrap(payload));
	}

	record Increment(String counter, long delta) {
	}

	record Total(List<Increment> increments) {
	}

	interface CounterGateway extends RpcGateway {

		CompletableFuture<Total> add(Increment increment);

	}

}
