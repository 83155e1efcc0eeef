package org.actorrpc.netns;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * Endpoint of {@link SequenceGateway}: per sender, each sequence number must be higher than the
 * last one seen (a lower or equal one is a duplicate or a reordering: a violation); numbers skipped
 * are counted as gaps (lost in a partition, or refused on the sender before they were sent).
 * Main-thread confined, as every endpoint.
 */
public class SequenceEndpoint extends RpcEndpoint implements SequenceGateway {

	private final Map<Integer, Long> lastBySender = new HashMap<>();

	private long received;

	private long violations;

	private long gaps;

	private String firstViolation;

	/**
	 * Creates the endpoint.
	 * @param service the hosting service
	 * @param endpointId its id
	 */
	public SequenceEndpoint(RpcService service, String endpointId) {
		super(service, endpointId);
	}

	@Override
	public void record(int sender, long sequence) {
		take(sender, sequence);
	}

	@Override
	public CompletableFuture<Long> call(int sender, long sequence) {
		take(sender, sequence);
		return CompletableFuture.completedFuture(sequence);
	}

	private void take(int sender, long sequence) {
		this.received++;
		Long last = this.lastBySender.get(sender);
		if (last != null && sequence <= last) {
			this.violations++;
			if (this.firstViolation == null) {
				this.firstViolation = "sender-" + sender + ":got-" + sequence + "-after-" + last;
			}
			return;
		}
		long expected = (last != null) ? last + 1 : 0;
		this.gaps += sequence - expected;
		this.lastBySender.put(sender, sequence);
	}

	@Override
	public CompletableFuture<String> report() {
		return CompletableFuture.completedFuture("received=" + this.received + " violations=" + this.violations + " gaps="
				+ this.gaps + " first=" + ((this.firstViolation != null) ? this.firstViolation : "none"));
	}

}
