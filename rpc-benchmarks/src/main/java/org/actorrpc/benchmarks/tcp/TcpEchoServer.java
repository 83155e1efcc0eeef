package org.actorrpc.benchmarks.tcp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.SequenceChecker;

/**
 * Blocking TCP echo server on 127.0.0.1, one thread per connection. A connection's responses are flushed when
 * its input has no buffered request left, so pipelined requests share writes. Thread-safe.
 */
final class TcpEchoServer implements EchoServer {

	private final ServerSocket serverSocket;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	/** Shared by every connection's thread: guarded by itself. */
	private final SequenceChecker told = new SequenceChecker();

	TcpEchoServer() throws IOException {
		this.serverSocket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "tcp-echo-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@Override
	public String address() {
		return "127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				socket.setTcpNoDelay(true);
				this.connections.add(socket);
				Thread handler = new Thread(null, () -> serve(socket), "tcp-echo-connection",
						Frames.THREAD_STACK_SIZE);
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				// closed: the loop ends
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			DataInputStream in = new DataInputStream(
					new BufferedInputStream(socket.getInputStream(), Frames.BUFFER_SIZE));
			DataOutputStream out = new DataOutputStream(
					new BufferedOutputStream(socket.getOutputStream(), Frames.BUFFER_SIZE));
			int op;
			while ((op = in.read()) >= 0) {
				int length = in.readInt();
				switch (op) {
					case Frames.ECHO_INT -> {
						int value = in.readInt();
						out.writeInt(4);
						out.writeInt(value);
					}
					case Frames.ECHO_BYTES -> {
						byte[] payload = in.readNBytes(length);
						if (payload.length != length) {
							throw new EOFException("connection closed in the middle of a frame");
						}
						out.writeInt(length);
						out.write(payload);
					}
					case Frames.TELL -> {
						int sender = in.readInt();
						long sequence = in.readLong();
						synchronized (this.told) {
							this.told.accept(sender, sequence);
						}
					}
					case Frames.COUNT -> {
						in.skipNBytes(length);
						Delivery delivery;
						synchronized (this.told) {
							delivery = this.told.delivery();
						}
						out.writeInt(24);
						out.writeLong(delivery.processed());
						out.writeLong(delivery.missing());
						out.writeLong(delivery.outOfOrder());
					}
					default -> throw new IOException("unknown op " + op);
				}
				if (in.available() == 0) {
					out.flush();
				}
			}
		}
		catch (SocketException | EOFException ex) {
			// client went away
		}
		catch (IOException ex) {
			System.err.println("tcp echo connection failed: " + ex);
		}
		finally {
			this.connections.remove(socket);
		}
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		for (Socket socket : this.connections) {
			socket.close();
		}
	}

}
