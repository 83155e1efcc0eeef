package org.actorrpc.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second JVM running {@link EchoNodeMain}, started with the current {@code java} binary and
 * class path. {@link #start} waits (bounded) for the endpoint address the node prints.
 * {@link #kill()} sends SIGKILL; {@link #close()} asks the node to exit and kills it if it does
 * not. Its output is kept for failure messages. Not thread-safe.
 */
public final class EchoNodeProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final String address;

	private final List<String> output;

	private EchoNodeProcess(Process process, String address, List<String> output) {
		this.process = process;
		this.address = address;
		this.output = output;
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
		String systemName = args[0];
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Process process = builder.start();
		List<String> output = Collections.synchronizedList(new ArrayList<>());
		CompletableFuture<String> addressFuture = new CompletableFuture<>();
		Thread reader = new Thread(() -> pump(process, output, addressFuture),
				"echo-node-output-" + systemName);
		reader.setDaemon(true);
		reader.start();
		try {
			String address = addressFuture.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return new EchoNodeProcess(process, address, output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted while waiting for the echo node", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
			throw new IOException("echo node did not print its address within " + STARTUP_TIMEOUT + "; output:\n"
					+ String.join("\n", output), ex);
		}
	}

	private static void pump(Process process, List<String> output, CompletableFuture<String> address) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.startsWith(EchoNodeMain.ADDRESS_PREFIX)) {
					address.complete(line.substring(EchoNodeMain.ADDRESS_PREFIX.length()).trim());
				}
				else if (output.size() < 2000) {
					output.add(line);
				}
			}
		}
		catch (IOException ex) {
			// the process died; fall through
		}
		address.completeExceptionally(new IOException("echo node exited with output:\n" + String.join("\n", output)));
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
		return this.process.toHandle();
	}

	/**
	 * Kills the node with SIGKILL and waits (bounded) until it is gone.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("echo node " + this.process.pid() + " survived SIGKILL for 30 s");
		}
	}

	/**
	 * Returns what the node printed so far.
	 * @return the output lines
	 */
	public String output() {
		synchronized (this.output) {
			return String.join("\n", this.output);
		}
	}

	@Override
	public void close() throws Exception {
		if (!this.process.isAlive()) {
			return;
		}
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// already gone
		}
		if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(15, TimeUnit.SECONDS);
		}
	}

}
