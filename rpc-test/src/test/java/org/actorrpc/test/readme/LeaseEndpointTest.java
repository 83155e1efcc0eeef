package org.actorrpc.test.readme;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.test.TestingRpcService;
import org.actorrpc.test.TestingRpcServiceExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaseEndpointTest {

	interface LeaseGateway extends RpcGateway {

		CompletableFuture<Boolean> renew(String holder);

		CompletableFuture<Boolean> isHeld(String holder);

	}

	static class LeaseEndpoint extends RpcEndpoint implements LeaseGateway {

		private final Map<String, Instant> expiries = new HashMap<>();

		LeaseEndpoint(RpcService rpcService) {
			super(rpcService, "leases");
		}

		@Override
		public CompletableFuture<Boolean> renew(String holder) {
			this.expiries.put(holder, getClock().instant().plusSeconds(10));
			scheduleRunAsync(this::expire, Duration.ofSeconds(10));
			return CompletableFuture.completedFuture(true);
		}

		@Override
		public CompletableFuture<Boolean> isHeld(String holder) {
			return CompletableFuture.completedFuture(this.expiries.containsKey(holder));
		}

		private void expire() {
			Instant now = getClock().instant();
			this.expiries.values().removeIf((expiry) -> !expiry.isAfter(now));
		}

	}

	@RegisterExtension
	final TestingRpcServiceExtension rpc = new TestingRpcServiceExtension();

	@Test
	void aLeaseThatIsNotRenewedExpiresAfterTenSeconds() {
		TestingRpcService service = this.rpc.getService();
		new LeaseEndpoint(service).start();
		LeaseGateway leases = service.connect(service.getEndpointAddress("leases"), LeaseGateway.class).join();

		leases.renew("worker-1");
		service.advanceTime(Duration.ofSeconds(9));
		assertThat(leases.isHeld("worker-1")).isCompletedWithValue(true);
		service.advanceTime(Duration.ofSeconds(1));
		assertThat(leases.isHeld("worker-1")).isCompletedWithValue(false);
	}

	@Test
	void aDroppedRenewalTimesOutAndTheLeaseExpires() {
		TestingRpcService service = this.rpc.getService();
		LeaseEndpoint endpoint = new LeaseEndpoint(service);
		endpoint.start();
		LeaseGateway leases = service.connect(endpoint.getAddress(), LeaseGateway.class).join();
		leases.renew("worker-1");

		service.advanceTime(Duration.ofSeconds(5));
		service.faults().to(endpoint).drop();
		CompletableFuture<Boolean> renewal = leases.renew("worker-1");
		service.advanceTime(Duration.ofSeconds(10));

		assertThatThrownBy(renewal::join).hasCauseInstanceOf(RpcTimeoutException.class);
		service.faults().healAll();
		assertThat(leases.isHeld("worker-1")).isCompletedWithValue(false);
	}

}
