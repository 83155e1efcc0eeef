package org.actorrpc.benchmarks.grpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * The echo workload as a hand-written gRPC service: method descriptors with small marshallers instead of
 * protoc-generated code. grpc-java unary calls have no one-way variant, so there is no tell. Thread-safe.
 */
final class EchoService {

	static final String SERVICE = "actorrpc.bench.Echo";

	static final MethodDescriptor.Marshaller<Integer> INT = new FixedMarshaller<>(4) {
		@Override
		byte[] toBytes(Integer value) {
			return ByteBuffer.allocate(4).putInt(value).array();
		}

		@Override
		Integer fromBytes(byte[] bytes) {
			return ByteBuffer.wrap(bytes).getInt();
		}
	};

	static final MethodDescriptor.Marshaller<Long> LONG = new FixedMarshaller<>(8) {
		@Override
		byte[] toBytes(Long value) {
			return ByteBuffer.allocate(8).putLong(value).array();
		}

		@Override
		Long fromBytes(byte[] bytes) {
			return ByteBuffer.wrap(bytes).getLong();
		}
	};

	static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
		@Override
		public InputStream stream(byte[] value) {
			return new ByteArrayInputStream(value);
		}

		@Override
		public byte[] parse(InputStream stream) {
			try (stream) {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	};

	static final MethodDescriptor<Integer, Integer> ECHO = unary("Echo", INT, INT);

	static final MethodDescriptor<byte[], byte[]> ECHO_BYTES = unary("EchoBytes", BYTES, BYTES);

	static final MethodDescriptor<Integer, Long> COUNT = unary("Count", INT, LONG);

	private EchoService() {
	}

	/** @return the service: echo, echoBytes and count (which stays 0: there is no tell) */
	static ServerServiceDefinition definition() {
		AtomicLong told = new AtomicLong();
		return ServerServiceDefinition.builder(SERVICE)
			.addMethod(ECHO, ServerCalls.asyncUnaryCall(EchoService::reply))
			.addMethod(ECHO_BYTES, ServerCalls.asyncUnaryCall(EchoService::reply))
			.addMethod(COUNT, ServerCalls.asyncUnaryCall((ignored, observer) -> reply(told.get(), observer)))
			.build();
	}

	private static <T> void reply(T value, StreamObserver<T> observer) {
		observer.onNext(value);
		observer.onCompleted();
	}

	private static <Q, R> MethodDescriptor<Q, R> unary(String name, MethodDescriptor.Marshaller<Q> request,
			MethodDescriptor.Marshaller<R> response) {
		return MethodDescriptor.<Q, R>newBuilder()
			.setType(MethodDescriptor.MethodType.UNARY)
			.setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
			.setRequestMarshaller(request)
			.setResponseMarshaller(response)
			.build();
	}

	/** Marshals a value of a fixed size. */
	private abstract static class FixedMarshaller<T> implements MethodDescriptor.Marshaller<T> {

		private final int size;

		FixedMarshaller(int size) {
			this.size = size;
		}

		abstract byte[] toBytes(T value);

		abstract T fromBytes(byte[] bytes);

		@Override
		public InputStream stream(T value) {
			return new ByteArrayInputStream(toBytes(value));
		}

		@Override
		public T parse(InputStream stream) {
			try (stream) {
				byte[] bytes = stream.readNBytes(this.size);
				if (bytes.length != this.size) {
					throw new IllegalArgumentException("expected " + this.size + " bytes, got " + bytes.length);
				}
				return fromBytes(bytes);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
