package org.actorrpc.benchmarks.actorrpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoClientSide;
import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.PeerDriver;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * actorrpc's {@link PekkoRpcService} on 127.0.0.1, any free port, call-stack capture off (as Flink's
 * {@code pekko.ask.callstack} is turned off for the comparison). The local placement connects from the
 * endpoint's own service. Stateless.
 */
public final class ActorRpcDriver implements PeerDriver {

	private static final long TIMEOUT_MILLIS = EchoClient.CALL_TIMEOUT.toMillis();

	static PekkoRpcService startService(String systemName) {
		return new PekkoRpcService(PekkoRpcServiceSettings.builder()
			.systemName(systemName)
			.host("127.0.0.1")
			.port(0)
			.askTimeout(EchoClient.CALL_TIMEOUT)
			.captureCallStack(false)
			.build());
	}

	@Override
	public EchoServer startServer() throws Exception {
		PekkoRpcService service = startService("actorrpcbench");
		try {
			ActorRpcEchoEndpoint endpoint = new ActorRpcEchoEndpoint(service, "echo");
			endpoint.start();
			return new ActorRpcServer(service, endpoint);
		}
		catch (RuntimeException ex) {
			close(service);
			throw ex;
		}
	}

	@Override
	public EchoClientSide startClientSide(EchoServer colocated) {
		PekkoRpcService service = (colocated instanceof ActorRpcServer server) ? server.service
				: startService("actorrpcclient");
		boolean owned = colocated == null;
		return new EchoClientSide() {
			@Override
			public EchoClient connect(String address) throws Exception {
				ActorRpcEchoGateway gateway = service.connect(address, ActorRpcEchoGateway.class)
					.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
				return new ActorRpcEchoClient(gateway);
			}

			@Override
			public void close() throws Exception {
				if (owned) {
					ActorRpcDriver.close(service);
				}
			}
		};
	}

	@Override
	public boolean hostsEndpoints() {
		return true;
	}

	@Override
	public EndpointHost startEndpointHost() {
		PekkoRpcService service = startService("actorrpcbench");
		return new EndpointHost() {
			@Override
			public Object startEndpoint(String id) throws Exception {
				ActorRpcEchoEndpoint endpoint = new ActorRpcEchoEndpoint(service, id);
				endpoint.start();
				endpoint.getSelfGateway(ActorRpcEchoGateway.class).count().get(TIMEOUT_MILLIS,
						TimeUnit.MILLISECONDS);
				return endpoint;
			}

			@Override
			public void close() throws Exception {
				ActorRpcDriver.close(service);
			}
		};
	}

	private static void close(PekkoRpcService service) throws Exception {
		service.closeAsync().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
	}

	private record ActorRpcServer(PekkoRpcService service, ActorRpcEchoEndpoint endpoint) implements EchoServer {

		@Override
		public String address() {
			return this.endpoint.getAddress();
		}

		@Override
		public void close() throws Exception {
			try {
				this.endpoint.closeAsync().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
			}
			finally {
				ActorRpcDriver.close(this.service);
			}
		}

	}

	private record ActorRpcEchoClient(ActorRpcEchoGateway gateway) implements EchoClient {

		@Override
		public CompletableFuture<Integer> echo(int value) {
			return this.gateway.echo(value);
		}

		@Override
		public CompletableFuture<byte[]> echoBytes(byte[] payload) {
			return this.gateway.echoBytes(payload);
		}

		@Override
		public void tell(int value) {
			this.gateway.tell(value);
		}

		@Override
		public CompletableFuture<Long> count() {
			return this.gateway.count();
		}

	}

}
