package org.actorrpc.benchmarks.grpc;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoClientSide;
import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.PeerDriver;

/**
 * grpc-java over Netty (grpc-netty-shaded), plaintext HTTP/2 on 127.0.0.1, one channel per gateway. With
 * {@code direct}, server and channels run application code on Netty's event loop ({@code directExecutor()});
 * otherwise grpc-java's default executor (a cached thread pool), as Spring Boot's gRPC support uses. Stateless.
 */
public final class GrpcDriver implements PeerDriver {

	/** Above the 1 MiB payload of the largest benchmark (grpc-java's default is 4 MiB). */
	private static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

	private final boolean direct;

	/** @param direct whether to use {@code directExecutor()} on both sides */
	public GrpcDriver(boolean direct) {
		this.direct = direct;
	}

	@Override
	public EchoServer startServer() throws Exception {
		NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(EchoService.definition())
			.maxInboundMessageSize(MAX_MESSAGE_SIZE);
		if (this.direct) {
			builder.directExecutor();
		}
		Server server = builder.build().start();
		return new EchoServer() {
			@Override
			public String address() {
				return "127.0.0.1:" + server.getPort();
			}

			@Override
			public void close() throws InterruptedException {
				server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
			}
		};
	}

	@Override
	public EchoClientSide startClientSide(EchoServer colocated) {
		return new EchoClientSide() {

			private final List<ManagedChannel> channels = new CopyOnWriteArrayList<>();

			@Override
			public EchoClient connect(String address) {
				int colon = address.lastIndexOf(':');
				NettyChannelBuilder builder = NettyChannelBuilder
					.forAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)))
					.usePlaintext()
					.maxInboundMessageSize(MAX_MESSAGE_SIZE);
				if (GrpcDriver.this.direct) {
					builder.directExecutor();
				}
				ManagedChannel channel = builder.build();
				this.channels.add(channel);
				return new GrpcEchoClient(channel);
			}

			@Override
			public void close() throws InterruptedException {
				for (ManagedChannel channel : this.channels) {
					channel.shutdownNow();
				}
				for (ManagedChannel channel : this.channels) {
					channel.awaitTermination(10, TimeUnit.SECONDS);
				}
			}
		};
	}

}
