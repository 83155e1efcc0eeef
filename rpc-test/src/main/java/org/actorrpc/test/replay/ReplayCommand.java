package org.actorrpc.test.replay;

import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalCorruptedException;

/**
 * Command-line entry point: prints a journal, or replays an endpoint to a message and prints a
 * summary of its state there.
 *
 * <pre>
 * java -cp &lt;application and rpc-test classes&gt; org.actorrpc.test.replay.ReplayCommand \
 *     --journal DIR (--print [--from N] [--until N] | (--factory CLASS | --endpoint CLASS) [--until N])
 * </pre>
 *
 * {@code --factory} names an {@link EndpointFactory} with a public no-argument constructor; {@code --endpoint} names an endpoint class with a public
 * {@code (RpcService)} constructor. Without {@code --until} the whole journal is replayed. Exit
 * status: 0 replayed (or printed), 1 the replay diverged or the journal cannot be replayed,
 * 2 wrong arguments. Stateless; one run per call.
 */
public final class ReplayCommand {

	private static final String USAGE = "Usage: ReplayCommand --journal DIR (--print [--from N] [--until N] | "
			+ "(--factory CLASS | --endpoint CLASS) [--until N])";

	private ReplayCommand() {
	}

	/**
	 * Runs the command and exits with its status.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the command.
	 * @param args the arguments
	 * @param out where results go
	 * @param err where errors go
	 * @return the exit status
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options;
		try {
			options = parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		try {
			Journal journal = JournalReplay.of(Path.of(options.get("--journal"))).journal();
			if (options.containsKey("--print")) {
				JournalPrinter.print(journal, number(options, "--from", 0), number(options, "--until", Long.MAX_VALUE),
						out);
				return 0;
			}
			return replay(journal, options, out);
		}
		catch (NonDeterminismException | ReplayException | JournalCorruptedException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int replay(Journal journal, Map<String, String> options, PrintStream out) {
		EndpointFactory<RpcEndpoint> factory = factory(options);
		long until = number(options, "--until", journal.lastSequence());
		try (EndpointReplay<RpcEndpoint> replay = JournalReplay.of(journal).replay(factory)) {
			RpcEndpoint endpoint = replay.untilSequence(until);
			out.println("Replayed endpoint " + journal.endpointId() + " (" + journal.endpointClass() + ") to message "
					+ replay.position() + " of " + journal.lastSequence() + "; its clock reads " + replay.virtualTime());
			out.println(factory.describe(endpoint));
		}
		return 0;
	}

	@SuppressWarnings("unchecked")
	private static EndpointFactory<RpcEndpoint> factory(Map<String, String> options) {
		String factoryClass = options.get("--factory");
		String endpointClass = options.get("--endpoint");
		if ((factoryClass == null) == (endpointClass == null)) {
			throw new IllegalArgumentException("Give either --factory CLASS or --endpoint CLASS to replay, or --print");
		}
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		try {
			if (factoryClass != null) {
				Object factory = Class.forName(factoryClass, true, loader).getConstructor().newInstance();
				if (!(factory instanceof EndpointFactory<?>)) {
					throw new IllegalArgumentException("--factory " + factoryClass
							+ " does not implement org.actorrpc.test.replay.EndpointFactory");
				}
				return (EndpointFactory<RpcEndpoint>) factory;
			}
			Class<?> type = Class.forName(endpointClass, true, loader);
			if (!RpcEndpoint.class.isAssignableFrom(type)) {
				throw new IllegalArgumentException("--endpoint " + endpointClass + " is not an RpcEndpoint");
			}
			Constructor<?> constructor = type.getConstructor(RpcService.class);
			return (service, recorded) -> {
				try {
					return (RpcEndpoint) constructor.newInstance(service);
				}
				catch (ReflectiveOperationException ex) {
					throw new ReplayException("Could not create " + endpointClass + ": " + ex, ex);
				}
			};
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalArgumentException("Class " + ex.getMessage() + " is not on the class path: add the "
					+ "application's classes to -cp");
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalArgumentException(((factoryClass != null) ? "--factory " + factoryClass
					+ " has no public no-argument constructor" : "--endpoint " + endpointClass
					+ " has no public (RpcService) constructor: use --factory with an EndpointFactory"));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalArgumentException("Could not create " + factoryClass + ": " + ex);
		}
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			switch (name) {
				case "--print" -> options.put(name, "");
				case "--journal", "--factory", "--endpoint", "--until", "--from" -> {
					if (i + 1 >= args.length) {
						throw new IllegalArgumentException(name + " needs a value");
					}
					options.put(name, args[++i]);
				}
				default -> throw new IllegalArgumentException("Unknown argument " + name);
			}
		}
		if (!options.containsKey("--journal")) {
			throw new IllegalArgumentException("--journal DIR is required: the endpoint's journal directory");
		}
		return options;
	}

	private static long number(Map<String, String> options, String name, long otherwise) {
		String value = options.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a message number, not '" + value + "'");
		}
	}

}
