package org.actorrpc.demo.jobmaster.replay;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import org.actorrpc.demo.jobmaster.ClusterProperties;
import org.actorrpc.demo.jobmaster.execution.JobMaster;
import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalCorruptedException;
import org.actorrpc.test.replay.EndpointReplay;
import org.actorrpc.test.replay.JournalReplay;
import org.actorrpc.test.replay.NonDeterminismException;
import org.actorrpc.test.replay.ReplayException;

/**
 * Command line: replays a recorded JobMaster offline from its journal (written with
 * {@code --actorrpc.journal.endpoints=jobmaster}) to a message and prints the ExecutionGraph state
 * of its jobs there: status, every subtask's attempt, state and TaskManager, the completed
 * checkpoints.
 *
 * <pre>
 * java -cp demo-jobmaster-app-exec.jar -Dloader.main=org.actorrpc.demo.jobmaster.replay.JobMasterReplay \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --journal DIR/jobmaster [--until N] \
 *     [--demo.cluster.NAME=VALUE ...]
 * </pre>
 *
 * The {@code demo.cluster.*} settings must be those of the recorded run when it changed any of
 * them (they decide the JobMaster's timers). Exit status: 0 replayed, 1 the replay diverged or the
 * journal cannot be replayed, 2 wrong arguments. Stateless; one run per call.
 */
public final class JobMasterReplay {

	private static final String USAGE = "Usage: JobMasterReplay --journal DIR [--until N] "
			+ "[--demo.cluster.NAME=VALUE ...] (DIR: <actorrpc.journal.directory>/jobmaster)";

	private JobMasterReplay() {
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
	 * @param out where the state goes
	 * @param err where errors go
	 * @return the exit status
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Path journalDir = null;
		Long until = null;
		Map<String, String> settings = new LinkedHashMap<>();
		ClusterProperties properties = new ClusterProperties();
		try {
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--journal") || arg.equals("--until")) {
					if (i + 1 >= args.length) {
						throw new IllegalArgumentException(arg + " needs a value");
					}
					String value = args[++i];
					if (arg.equals("--journal")) {
						journalDir = Path.of(value);
					}
					else {
						until = parseSequence(value);
					}
				}
				else if (arg.startsWith("--demo.cluster.") && arg.indexOf('=') > 0) {
					settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
				}
				else {
					throw new IllegalArgumentException("Unknown argument " + arg);
				}
			}
			if (journalDir == null) {
				throw new IllegalArgumentException("--journal DIR is required: the JobMaster's journal directory");
			}
			new Binder(new MapConfigurationPropertySource(settings)).bind("demo.cluster",
					Bindable.ofInstance(properties));
		}
		catch (IllegalArgumentException | BindException ex) {
			err.println((ex instanceof BindException bind) ? "Invalid setting " + bind.getName() + ": "
					+ ((bind.getCause() != null) ? bind.getCause().getMessage() : bind.getMessage()) : ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		try {
			JournalReplay replay = JournalReplay.of(journalDir);
			Journal journal = replay.journal();
			long target = (until != null) ? until : journal.lastSequence();
			try (EndpointReplay<JobMaster> jobMaster = replay.replay(new JobMasterReplayFactory(properties))) {
				JobMaster replayed = jobMaster.untilSequence(target);
				out.println("JobMaster replayed to message " + jobMaster.position() + " of " + journal.lastSequence()
						+ " (clock " + jobMaster.virtualTime() + ")");
				out.println(JobStatePrinter.describe(replayed.getAllJobDetails()));
			}
			return 0;
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

	private static long parseSequence(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--until must be a message number, not '" + value + "'");
		}
	}

}
