package org.actorrpc.pekko.flow;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.testutil.FlowGateway;

/** An endpoint that, on its main thread, sends fire-and-forget messages to another endpoint. */
class ForwardingEndpoint extends RpcEndpoint {

	private final FlowGateway target;

	private long sequence;

	ForwardingEndpoint(RpcService service, String endpointId, FlowGateway target) {
		super(service, endpointId);
		this.target = target;
	}

	/**
	 * Sends messages from the main thread.
	 * @param count how many
	 * @return "sent N", or "refused after N: <error>" when a send failed
	 */
	CompletableFuture<String> forward(int count) {
		return forward(count, 0);
	}

	/**
	 * Sends messages that carry a payload from the main thread.
	 * @param count how many
	 * @param payloadBytes the size of each message's payload
	 * @return "sent N", or "refused after N: <error>" when a send failed
	 */
	CompletableFuture<String> forward(int count, int payloadBytes) {
		byte[] payload = new byte[payloadBytes];
		return callAsync(() -> {
			for (int i = 0; i < count; i++) {
				try {
					this.target.record(7, this.sequence, payload);
					this.sequence++;
				}
				catch (RuntimeException ex) {
					return "refused after " + i + ": " + ex.getMessage();
				}
			}
			return "sent " + count;
		}, Duration.ofSeconds(60));
	}

}
