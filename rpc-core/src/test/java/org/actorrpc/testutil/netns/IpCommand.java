package org.actorrpc.testutil.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Linux's {@code ip} command (iproute2), each run bounded. Finds {@code ip} on the PATH or in
 * {@code /usr/sbin} and {@code /sbin}; when it is missing, runs {@code ensure-iproute2.sh} (beside
 * this class) once, which installs Debian's iproute2 with apt-get when running as root and says so
 * in one line, and otherwise fails with what to install. Thread-safe.
 */
public final class IpCommand {

	/** How long one {@code ip} command may take; they normally take milliseconds. */
	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

	private final Path ip;

	private IpCommand(Path ip) {
		this.ip = ip;
	}

	/**
	 * Finds {@code ip}, installing iproute2 first when it is missing and that is possible.
	 * @return the command
	 * @throws IllegalStateException saying why {@code ip} is not available and what to install
	 */
	public static synchronized IpCommand locate() {
		Path found = find();
		if (found != null) {
			return new IpCommand(found);
		}
		String output = install();
		found = find();
		if (found == null) {
			throw new IllegalStateException("The network-namespace tests need Linux's ip command (Debian's package "
					+ "iproute2), which is not installed: " + output);
		}
		return new IpCommand(found);
	}

	/** @return the path of the {@code ip} binary */
	public Path path() {
		return this.ip;
	}

	/**
	 * Runs {@code ip <args>} and returns its standard output.
	 * @param args the arguments
	 * @return what it printed
	 * @throws IllegalStateException when it fails or does not finish within {@link #COMMAND_TIMEOUT},
	 * with the command and its output
	 */
	public String run(String... args) {
		Result result = tryRun(args);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("'" + result.command() + "' failed with exit code " + result.exitCode()
					+ ": " + result.output().strip());
		}
		return result.output();
	}

	/**
	 * Runs {@code ip <args>} and returns its outcome, whatever it is (cleanup, probing).
	 * @param args the arguments
	 * @return exit code, command and output (standard output and error together)
	 */
	public Result tryRun(String... args) {
		List<String> command = new ArrayList<>();
		command.add(this.ip.toString());
		command.addAll(List.of(args));
		return exec(command, COMMAND_TIMEOUT);
	}

	static Result exec(List<String> command, Duration timeout) {
		String line = String.join(" ", command);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
			byte[][] output = new byte[1][];
			Thread reader = new Thread(() -> output[0] = readAll(process.getInputStream()), "ip-output");
			reader.setDaemon(true);
			reader.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				throw new IllegalStateException("'" + line + "' did not finish within " + timeout);
			}
			reader.join(TimeUnit.SECONDS.toMillis(5));
			String text = (output[0] != null) ? new String(output[0], StandardCharsets.UTF_8) : "";
			return new Result(line, process.exitValue(), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run '" + line + "'", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running '" + line + "'", ex);
		}
	}

	private static byte[] readAll(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

	private static Path find() {
		List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
		dirs.add("/usr/sbin");
		dirs.add("/sbin");
		for (String dir : dirs) {
			if (dir.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(dir, "ip");
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static String install() {
		try {
			Path script = Files.createTempFile("ensure-iproute2", ".sh",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			try (InputStream in = IpCommand.class.getResourceAsStream("ensure-iproute2.sh")) {
				if (in == null) {
					throw new IllegalStateException("ensure-iproute2.sh is missing beside " + IpCommand.class.getName());
				}
				Files.write(script, in.readAllBytes());
			}
			Path log = Files.createTempFile("ensure-iproute2", ".log");
			Result result = exec(List.of("bash", script.toString(), log.toString()), INSTALL_TIMEOUT);
			Files.deleteIfExists(script);
			// One line says what happened (installed, or why not); the build log shows it.
			System.out.print(result.output());
			return result.output().strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run ensure-iproute2.sh", ex);
		}
	}

	/**
	 * The outcome of a command.
	 *
	 * @param command the command line
	 * @param exitCode its exit code
	 * @param output what it printed
	 */
	public record Result(String command, int exitCode, String output) {

	}

}
