package org.actorrpc.benchmarks.tcp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.actorrpc.benchmarks.peer.EchoClient;

/**
 * One TCP connection. {@link #echoBlocking} is a true ping-pong on the calling thread (write, flush, read) as
 * long as no asynchronous call was made; the asynchronous calls pipeline frames and a reader thread, started on
 * the first of them, completes their futures in order. Thread-safe: writes are serialized by a lock.
 */
final class TcpEchoClient implements EchoClient, AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private final DataOutputStream out;

	private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

	private final Object writeLock = new Object();

	/** Guarded by writeLock. */
	private boolean pipelining;

	private volatile IOException failure;

	TcpEchoClient(String hostAndPort) throws IOException {
		int colon = hostAndPort.lastIndexOf(':');
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
				Integer.parseInt(hostAndPort.substring(colon + 1))), (int) CALL_TIMEOUT.toMillis());
		this.in = new DataInputStream(new BufferedInputStream(this.socket.getInputStream(), Frames.BUFFER_SIZE));
		this.out = new DataOutputStream(new BufferedOutputStream(this.socket.getOutputStream(), Frames.BUFFER_SIZE));
	}

	@Override
	public int echoBlocking(int value) throws Exception {
		synchronized (this.writeLock) {
			if (!this.pipelining) {
				writeIntFrame(Frames.ECHO_INT, value);
				this.out.flush();
				this.in.readInt();
				return this.in.readInt();
			}
		}
		return EchoClient.super.echoBlocking(value);
	}

	@Override
	public CompletableFuture<Integer> echo(int value) {
		CompletableFuture<Integer> future = new CompletableFuture<>();
		send(new Pending(future, Kind.INT), Frames.ECHO_INT, value, null);
		return future;
	}

	@Override
	public CompletableFuture<byte[]> echoBytes(byte[] payload) {
		CompletableFuture<byte[]> future = new CompletableFuture<>();
		send(new Pending(future, Kind.BYTES), Frames.ECHO_BYTES, 0, payload);
		return future;
	}

	@Override
	public void tell(int value) {
		send(null, Frames.TELL, value, null);
	}

	@Override
	public CompletableFuture<Long> count() {
		CompletableFuture<Long> future = new CompletableFuture<>();
		send(new Pending(future, Kind.LONG), Frames.COUNT, 0, null);
		return future;
	}

	private void send(Pending expected, int op, int value, byte[] payload) {
		try {
			synchronized (this.writeLock) {
				if (this.failure != null) {
					throw this.failure;
				}
				if (!this.pipelining) {
					this.pipelining = true;
					Thread reader = new Thread(null, this::readLoop, "tcp-echo-client-reader",
							Frames.THREAD_STACK_SIZE);
					reader.setDaemon(true);
					reader.start();
				}
				if (expected != null) {
					this.pending.add(expected);
				}
				if (payload != null) {
					this.out.write(op);
					this.out.writeInt(payload.length);
					this.out.write(payload);
				}
				else {
					writeIntFrame(op, value);
				}
				this.out.flush();
			}
		}
		catch (IOException ex) {
			if (expected != null) {
				expected.future.completeExceptionally(ex);
			}
			else {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void writeIntFrame(int op, int value) throws IOException {
		this.out.write(op);
		this.out.writeInt(4);
		this.out.writeInt(value);
	}

	@SuppressWarnings("unchecked")
	private void readLoop() {
		try {
			while (true) {
				int length = this.in.readInt();
				Pending next = this.pending.poll();
				if (next == null) {
					throw new IOException("response without a request");
				}
				Object answer = switch (next.kind) {
					case INT -> this.in.readInt();
					case LONG -> this.in.readLong();
					case BYTES -> this.in.readNBytes(length);
				};
				((CompletableFuture<Object>) next.future).complete(answer);
			}
		}
		catch (IOException ex) {
			this.failure = ex;
			Pending next;
			while ((next = this.pending.poll()) != null) {
				next.future.completeExceptionally(ex);
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private enum Kind {
		INT, LONG, BYTES
	}

	private record Pending(CompletableFuture<?> future, Kind kind) {
	}

}
