package org.actorrpc.testutil;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second JVM ({@link ChildJvm}) running {@link EchoNodeMain}. {@link #start} waits (bounded)
 * for the endpoint address the node prints. {@link #kill()} sends SIGKILL; {@link #close()} asks
 * the node to exit and kills it if it does not. Its output is kept for failure messages. Not
 * thread-safe.
 */
public final class EchoNodeProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final ChildJvm jvm;

	private final String address;

	private EchoNodeProcess(ChildJvm jvm, String address) {
		this.jvm = jvm;
		this.address = address;
	}

	/**
	 * Starts a node and waits until it prints its endpoint address.
	 * @param systemName actor system name of the node
	 * @param port port to bind, 0 for any free one
	 * @param endpointId id of the echo endpoint
	 * @return the running node
	 * @throws IOException if the JVM cannot be started
	 */
	public static EchoNodeProcess start(String systemName, int port, String endpointId) throws IOException {
		return start(List.of("-Xmx128m"), EchoNodeMain.class, systemName, Integer.toString(port), endpointId);
	}

	/**
	 * Starts a node running another main class that prints its endpoint address as
	 * {@link EchoNodeMain} does, and waits until it has.
	 * @param jvmOptions options of the node's JVM (heap size, for example)
	 * @param mainClass the main class
	 * @param args its arguments; the first is the system name
	 * @return the running node
	 * @throws IOException if the JVM cannot be started
	 */
	public static EchoNodeProcess start(List<String> jvmOptions, Class<?> mainClass, String... args)
			throws IOException {
		CompletableFuture<String> addressFuture = new CompletableFuture<>();
		ChildJvm jvm = ChildJvm.start("echo-node-" + args[0], jvmOptions, mainClass, List.of(args), (line) -> {
			if (!line.startsWith(EchoNodeMain.ADDRESS_PREFIX)) {
				return false;
			}
			addressFuture.complete(line.substring(EchoNodeMain.ADDRESS_PREFIX.length()).trim());
			return true;
		}, () -> addressFuture.completeExceptionally(new IOException("echo node exited")));
		try {
			return new EchoNodeProcess(jvm, addressFuture.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			jvm.handle().destroyForcibly();
			throw new IOException("interrupted while waiting for the echo node", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			jvm.handle().destroyForcibly();
			throw new IOException("echo node did not print its address within " + STARTUP_TIMEOUT + "; output:\n"
					+ jvm.output(), ex);
		}
	}

	/**
	 * Returns the address of the node's echo endpoint.
	 * @return the endpoint address
	 */
	public String address() {
		return this.address;
	}

	/**
	 * Returns the port the node listens on, parsed from its address.
	 * @return the port
	 */
	public int port() {
		int at = this.address.indexOf('@');
		int colon = this.address.indexOf(':', at);
		int slash = this.address.indexOf('/', colon);
		return Integer.parseInt(this.address.substring(colon + 1, slash));
	}

	/**
	 * Returns the node's process handle.
	 * @return the handle
	 */
	public ProcessHandle handle() {
		return this.jvm.handle();
	}

	/**
	 * Kills the node with SIGKILL and waits (bounded) until it is gone.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void kill() throws InterruptedException {
		this.jvm.kill();
	}

	/**
	 * Returns what the node printed so far.
	 * @return the output lines
	 */
	public String output() {
		return this.jvm.output();
	}

	@Override
	public void close() throws Exception {
		this.jvm.close();
	}

}
