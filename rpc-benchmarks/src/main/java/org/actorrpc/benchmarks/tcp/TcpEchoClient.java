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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.EchoClient;

/**
 * One TCP connection. {@link #echoBlocking} is a true ping-pong on the calling thread (write, flush, read) as long
 * as no asynchronous call was made. The asynchronous calls pipeline frames as a pipelining TCP client would: they
 * queue their frame for a writer thread, which writes everything queued and flushes once when the queue is empty,
 * and a reader thread completes their futures in order. A caller never writes on the reader thread, so a callback
 * that issues the next call cannot block the reads its own write waits for. A sending thread that finds more than
 * {@value #QUEUED_FRAMES_LIMIT} frames queued writes them itself, so a fast sender is held back by the socket as a
 * blocking write would hold it. Thread-safe; frames from one thread are written in that thread's order.
 */
final class TcpEchoClient implements EchoClient, AutoCloseable {

	private static final int QUEUED_FRAMES_LIMIT = 4096;

	private final Socket socket;

	private final DataInputStream in;

	private final DataOutputStream out;

	/** Expected responses in the order their requests were written; added under writeLock. */
	private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

	private final Queue<Frame> outbox = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean writerSignalled = new AtomicBoolean();

	private final Object writeLock = new Object();

	private final Object startLock = new Object();

	/** Set under startLock, with the reader; once set, never changes. */
	private volatile Thread writer;

	private volatile Thread reader;

	private volatile boolean closed;

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
		synchronized (this.startLock) {
			if (this.writer == null) {
				synchronized (this.writeLock) {
					this.out.write(Frames.ECHO_INT);
					this.out.writeInt(4);
					this.out.writeInt(value);
					this.out.flush();
					this.in.readInt();
					return this.in.readInt();
				}
			}
		}
		return EchoClient.super.echoBlocking(value);
	}

	@Override
	public CompletableFuture<Integer> echo(int value) {
		CompletableFuture<Integer> future = new CompletableFuture<>();
		send(new Frame(new Pending(future, Kind.INT), Frames.ECHO_INT, value, 0, null));
		return future;
	}

	@Override
	public CompletableFuture<byte[]> echoBytes(byte[] payload) {
		CompletableFuture<byte[]> future = new CompletableFuture<>();
		send(new Frame(new Pending(future, Kind.BYTES), Frames.ECHO_BYTES, 0, 0, payload));
		return future;
	}

	@Override
	public void tell(int sender, long sequence) {
		IOException error = this.failure;
		if (error != null) {
			throw new UncheckedIOException(error);
		}
		send(new Frame(null, Frames.TELL, sender, sequence, null));
	}

	@Override
	public CompletableFuture<Delivery> delivery() {
		CompletableFuture<Delivery> future = new CompletableFuture<>();
		send(new Frame(new Pending(future, Kind.DELIVERY), Frames.COUNT, 0, 0, null));
		return future;
	}

	private void send(Frame frame) {
		IOException error = this.failure;
		if (error != null) {
			frame.fail(error);
			return;
		}
		Thread writerThread = startThreads();
		this.outbox.add(frame);
		int backlog = this.queued.incrementAndGet();
		if (backlog > QUEUED_FRAMES_LIMIT && Thread.currentThread() != this.reader) {
			writeQueued();
		}
		else if (this.writerSignalled.compareAndSet(false, true)) {
			LockSupport.unpark(writerThread);
		}
	}

	private Thread startThreads() {
		Thread current = this.writer;
		if (current != null) {
			return current;
		}
		synchronized (this.startLock) {
			if (this.writer == null) {
				Thread readerThread = new Thread(null, this::readLoop, "tcp-echo-client-reader",
						Frames.THREAD_STACK_SIZE);
				readerThread.setDaemon(true);
				Thread writerThread = new Thread(null, this::writeLoop, "tcp-echo-client-writer",
						Frames.THREAD_STACK_SIZE);
				writerThread.setDaemon(true);
				this.reader = readerThread;
				this.writer = writerThread;
				readerThread.start();
				writerThread.start();
			}
			return this.writer;
		}
	}

	private void writeLoop() {
		while (!this.closed && this.failure == null) {
			if (!this.writerSignalled.get()) {
				LockSupport.park(this);
				continue;
			}
			// cleared before the queue is read: a frame queued after this is either written now or signals again
			this.writerSignalled.set(false);
			writeQueued();
		}
	}

	/** Writes every queued frame, then flushes once. */
	private void writeQueued() {
		synchronized (this.writeLock) {
			Frame frame = null;
			try {
				while ((frame = this.outbox.poll()) != null) {
					this.queued.decrementAndGet();
					frame.writeTo(this.out, this.pending);
				}
				this.out.flush();
			}
			catch (IOException ex) {
				failed(ex, frame);
			}
		}
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
					case DELIVERY -> new Delivery(this.in.readLong(), this.in.readLong(), this.in.readLong());
					case BYTES -> this.in.readNBytes(length);
				};
				((CompletableFuture<Object>) next.future).complete(answer);
			}
		}
		catch (IOException ex) {
			failed(ex, null);
		}
	}

	private void failed(IOException error, Frame current) {
		if (this.failure == null) {
			this.failure = error;
		}
		if (current != null) {
			current.fail(error);
		}
		Frame frame;
		while ((frame = this.outbox.poll()) != null) {
			frame.fail(error);
		}
		Pending next;
		while ((next = this.pending.poll()) != null) {
			next.future.completeExceptionally(error);
		}
		LockSupport.unpark(this.writer);
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		Thread writerThread = this.writer;
		if (writerThread != null) {
			LockSupport.unpark(writerThread);
		}
		this.socket.close();
	}

	private enum Kind {
		INT, DELIVERY, BYTES
	}

	private record Pending(CompletableFuture<?> future, Kind kind) {
	}

	/** A request waiting for the writer; {@code expected} is null for a one-way message. */
	private record Frame(Pending expected, int op, int value, long sequence, byte[] payload) {

		void writeTo(DataOutputStream out, Queue<Pending> pending) throws IOException {
			if (this.expected != null) {
				pending.add(this.expected);
			}
			out.write(this.op);
			if (this.payload != null) {
				out.writeInt(this.payload.length);
				out.write(this.payload);
			}
			else if (this.op == Frames.TELL) {
				out.writeInt(12);
				out.writeInt(this.value);
				out.writeLong(this.sequence);
			}
			else {
				out.writeInt(4);
				out.writeInt(this.value);
			}
		}

		void fail(IOException error) {
			if (this.expected != null) {
				this.expected.future.completeExceptionally(error);
			}
		}

	}

}
