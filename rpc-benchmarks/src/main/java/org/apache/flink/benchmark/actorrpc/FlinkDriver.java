package org.apache.flink.benchmark.actorrpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RpcOptions;
import org.apache.flink.runtime.rpc.RpcService;
import org.apache.flink.runtime.rpc.RpcSystem;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoClientSide;
import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.PeerDriver;

/**
 * Flink 2.3's RPC from Maven Central ({@code flink-rpc-akka-loader}): {@code RpcSystem.load}, then
 * {@code remoteServiceBuilder(cfg, "127.0.0.1", "0").withBindAddress("127.0.0.1")} for both sides, ask call
 * stacks off. The local placement connects from the endpoint's own service. Stateless.
 */
public final class FlinkDriver implements PeerDriver {

	private static final long TIMEOUT_MILLIS = EchoClient.CALL_TIMEOUT.toMillis();

	/** @return the configuration both sides use */
	public static Configuration configuration() {
		Configuration configuration = new Configuration();
		configuration.set(RpcOptions.ASK_TIMEOUT_DURATION, EchoClient.CALL_TIMEOUT);
		configuration.set(RpcOptions.CAPTURE_ASK_CALLSTACK, false);
		return configuration;
	}

	@Override
	public EchoServer startServer() throws Exception {
		FlinkService service = FlinkService.start();
		try {
			FlinkEchoEndpoint endpoint = new FlinkEchoEndpoint(service.rpcService, "echo");
			endpoint.start();
			return new FlinkServer(service, endpoint);
		}
		catch (Exception ex) {
			service.close();
			throw ex;
		}
	}

	@Override
	public EchoClientSide startClientSide(EchoServer colocated) throws Exception {
		FlinkService service = (colocated instanceof FlinkServer server) ? server.service : FlinkService.start();
		boolean owned = colocated == null;
		return new EchoClientSide() {
			@Override
			public EchoClient connect(String address) throws Exception {
				FlinkEchoGateway gateway = service.rpcService.connect(address, FlinkEchoGateway.class)
					.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
				return new FlinkEchoClient(gateway);
			}

			@Override
			public void close() throws Exception {
				if (owned) {
					service.close();
				}
			}
		};
	}

	@Override
	public boolean hostsEndpoints() {
		return true;
	}

	@Override
	public EndpointHost startEndpointHost() throws Exception {
		FlinkService service = FlinkService.start();
		return new EndpointHost() {
			@Override
			public Object startEndpoint(String id) throws Exception {
				FlinkEchoEndpoint endpoint = new FlinkEchoEndpoint(service.rpcService, id);
				endpoint.start();
				endpoint.getSelfGateway(FlinkEchoGateway.class).delivery().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
				return endpoint;
			}

			@Override
			public void close() throws Exception {
				service.close();
			}
		};
	}

	/** A loaded RpcSystem and one remote-capable service; closing closes both, the service first. */
	private record FlinkService(RpcSystem rpcSystem, RpcService rpcService) implements AutoCloseable {

		static FlinkService start() throws Exception {
			Configuration configuration = configuration();
			RpcSystem rpcSystem = RpcSystem.load(configuration);
			try {
				RpcService rpcService = rpcSystem.remoteServiceBuilder(configuration, "127.0.0.1", "0")
					.withBindAddress("127.0.0.1")
					.createAndStart();
				return new FlinkService(rpcSystem, rpcService);
			}
			catch (Exception ex) {
				rpcSystem.close();
				throw ex;
			}
		}

		@Override
		public void close() throws Exception {
			try {
				this.rpcService.closeAsync().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
			}
			finally {
				this.rpcSystem.close();
			}
		}

	}

	private record FlinkServer(FlinkService service, FlinkEchoEndpoint endpoint) implements EchoServer {

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
				this.service.close();
			}
		}

	}

	private record FlinkEchoClient(FlinkEchoGateway gateway) implements EchoClient {

		@Override
		public CompletableFuture<Integer> echo(int value) {
			return this.gateway.echo(value);
		}

		@Override
		public CompletableFuture<byte[]> echoBytes(byte[] payload) {
			return this.gateway.echoBytes(payload);
		}

		@Override
		public void tell(int sender, long sequence) {
			this.gateway.tell(sender, sequence);
		}

		@Override
		public CompletableFuture<Delivery> delivery() {
			return this.gateway.delivery().thenApply(Delivery::of);
		}

	}

}
