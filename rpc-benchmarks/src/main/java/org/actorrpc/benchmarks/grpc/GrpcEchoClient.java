package org.actorrpc.benchmarks.grpc;

import java.util.concurrent.CompletableFuture;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.EchoClient;

/**
 * Unary calls on one channel. Thread-safe, as gRPC channels are.
 */
final class GrpcEchoClient implements EchoClient {

	private final Channel channel;

	GrpcEchoClient(Channel channel) {
		this.channel = channel;
	}

	@Override
	public CompletableFuture<Integer> echo(int value) {
		return call(EchoService.ECHO, value);
	}

	@Override
	public CompletableFuture<byte[]> echoBytes(byte[] payload) {
		return call(EchoService.ECHO_BYTES, payload);
	}

	@Override
	public void tell(int sender, long sequence) {
		throw new UnsupportedOperationException("grpc-java unary calls have no fire-and-forget variant");
	}

	@Override
	public boolean supportsTell() {
		return false;
	}

	@Override
	public CompletableFuture<Delivery> delivery() {
		return call(EchoService.COUNT, 0).thenApply((told) -> new Delivery(told, 0, 0));
	}

	private <Q, R> CompletableFuture<R> call(MethodDescriptor<Q, R> method, Q request) {
		CompletableFuture<R> future = new CompletableFuture<>();
		ClientCalls.asyncUnaryCall(this.channel.newCall(method, CallOptions.DEFAULT), request,
				new StreamObserver<>() {
					@Override
					public void onNext(R value) {
						future.complete(value);
					}

					@Override
					public void onError(Throwable error) {
						future.completeExceptionally(error);
					}

					@Override
					public void onCompleted() {
						if (!future.isDone()) {
							future.completeExceptionally(new IllegalStateException(method.getFullMethodName()
									+ " completed without a response"));
						}
					}
				});
		return future;
	}

}
