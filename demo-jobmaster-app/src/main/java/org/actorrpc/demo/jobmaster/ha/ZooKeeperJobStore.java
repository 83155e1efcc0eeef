package org.actorrpc.demo.jobmaster.ha;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import org.actorrpc.demo.api.JobGraph;
import org.actorrpc.demo.api.JobSubmission;
import org.actorrpc.demo.api.TaskStateSnapshot;

/**
 * The job store of one leader session on ZooKeeper, Flink's layout: small data in ZooKeeper,
 * checkpoint payloads in files. Relative to the cluster's namespace ({@code <rootPath>/<clusterId>}):
 * <ul>
 * <li>{@code /jobs/<jobId>}: the job graph (a properties text);</li>
 * <li>{@code /jobs/<jobId>/checkpoint}: a pointer to the last completed checkpoint: its id and
 * the file holding it, {@code <storageDir>/<jobId>/checkpoint-<id>.properties}.</li>
 * </ul>
 * Every write is one ZooKeeper transaction that also checks the version of the leader information
 * node ({@code /leader/<component>/connection_info}) read just before, after verifying that it names
 * this session: a session that no longer leads (its successor rewrote the node, or it vanished with
 * the session) cannot write. Checkpoint files are written before their pointer and removed once
 * replaced. Thread-safe (Curator is; no state of its own besides immutable fields).
 */
public final class ZooKeeperJobStore implements JobStore {

	private static final String JOBS = "/jobs";

	private static final String LEADER_HEADER = "actorrpc-leader-v1";

	private final CuratorFramework client;

	private final String leaderInfoPath;

	private final UUID session;

	private final Path storageDir;

	/**
	 * Creates the store of a session.
	 * @param client a started Curator client working in the cluster's namespace
	 * @param componentId the elected component whose leader information guards the writes
	 * @param session the leader session id writes are made under
	 * @param storageDir directory of the checkpoint files
	 */
	public ZooKeeperJobStore(CuratorFramework client, String componentId, UUID session, Path storageDir) {
		this.client = client;
		this.leaderInfoPath = "/leader/" + componentId + "/connection_info";
		this.session = session;
		this.storageDir = storageDir;
	}

	@Override
	public void putJobGraph(JobGraph jobGraph) throws Exception {
		ensureJobsNode();
		String path = jobPath(jobGraph.jobId());
		byte[] data = encodeJobGraph(jobGraph);
		CuratorOp write = (this.client.checkExists().forPath(path) == null)
				? this.client.transactionOp().create().forPath(path, data)
				: this.client.transactionOp().setData().forPath(path, data);
		commit(write);
	}

	@Override
	public void addCheckpoint(CompletedCheckpoint checkpoint) throws Exception {
		String pointerPath = jobPath(checkpoint.jobId()) + "/checkpoint";
		Stat previousStat = this.client.checkExists().forPath(pointerPath);
		Path previousFile = (previousStat != null) ? pointedFile(this.client.getData().forPath(pointerPath)) : null;
		Path file = writeCheckpointFile(checkpoint);
		Properties pointer = new Properties();
		pointer.setProperty("checkpointId", Long.toString(checkpoint.checkpointId()));
		pointer.setProperty("file", file.toString());
		byte[] data = toBytes(pointer);
		CuratorOp write = (previousStat == null) ? this.client.transactionOp().create().forPath(pointerPath, data)
				: this.client.transactionOp().setData().withVersion(previousStat.getVersion()).forPath(pointerPath, data);
		try {
			commit(write);
		}
		catch (Exception ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		if (previousFile != null && !previousFile.equals(file)) {
			Files.deleteIfExists(previousFile);
		}
	}

	@Override
	public void removeJob(String jobId) throws Exception {
		String path = jobPath(jobId);
		if (this.client.checkExists().forPath(path) == null) {
			return;
		}
		List<CuratorOp> operations = new ArrayList<>();
		for (String child : this.client.getChildren().forPath(path)) {
			operations.add(this.client.transactionOp().delete().forPath(path + "/" + child));
		}
		operations.add(this.client.transactionOp().delete().forPath(path));
		commit(operations.toArray(CuratorOp[]::new));
		deleteDirectory(this.storageDir.resolve(jobId));
	}

	@Override
	public List<RecoveredJob> recoverJobs() throws Exception {
		if (this.client.checkExists().forPath(JOBS) == null) {
			return List.of();
		}
		List<RecoveredJob> jobs = new ArrayList<>();
		for (String jobId : this.client.getChildren().forPath(JOBS)) {
			byte[] graph;
			try {
				graph = this.client.getData().forPath(jobPath(jobId));
			}
			catch (KeeperException.NoNodeException ex) {
				// removed since the listing: the job ended
				continue;
			}
			String pointerPath = jobPath(jobId) + "/checkpoint";
			CompletedCheckpoint checkpoint = null;
			if (this.client.checkExists().forPath(pointerPath) != null) {
				checkpoint = readCheckpointFile(jobId, pointedFile(this.client.getData().forPath(pointerPath)));
			}
			jobs.add(new RecoveredJob(decodeJobGraph(jobId, graph), checkpoint));
		}
		jobs.sort(Comparator.comparingLong((RecoveredJob job) -> job.jobGraph().submittedAtMillis())
			.thenComparing((job) -> job.jobGraph().jobId()));
		return jobs;
	}

	/** Commits the operations together with the check that this session still leads. */
	private void commit(CuratorOp... operations) throws Exception {
		Stat stat = new Stat();
		byte[] leader;
		try {
			leader = this.client.getData().storingStatIn(stat).forPath(this.leaderInfoPath);
		}
		catch (KeeperException.NoNodeException ex) {
			throw notLeading("no leader is published");
		}
		String[] lines = new String(leader, StandardCharsets.UTF_8).split("\n", -1);
		if (lines.length != 3 || !LEADER_HEADER.equals(lines[0])) {
			throw new IllegalStateException("The leader information at " + this.leaderInfoPath + " is not '"
					+ LEADER_HEADER + "' data; another program may have written it");
		}
		if (!this.session.toString().equals(lines[1])) {
			throw notLeading("session " + lines[1] + " leads now");
		}
		List<CuratorOp> all = new ArrayList<>();
		all.add(this.client.transactionOp().check().withVersion(stat.getVersion()).forPath(this.leaderInfoPath));
		all.addAll(List.of(operations));
		try {
			this.client.transaction().forOperations(all);
		}
		catch (KeeperException.BadVersionException | KeeperException.NoNodeException ex) {
			if (this.client.checkExists().forPath(this.leaderInfoPath) == null
					|| this.client.checkExists().forPath(this.leaderInfoPath).getVersion() != stat.getVersion()) {
				throw notLeading("the leader information changed during the write");
			}
			throw ex;
		}
	}

	private IllegalStateException notLeading(String why) {
		return new IllegalStateException("Not writing to the job store: leader session " + this.session
				+ " no longer leads (" + why + ")");
	}

	private void ensureJobsNode() throws Exception {
		if (this.client.checkExists().forPath(JOBS) == null) {
			try {
				this.client.create().creatingParentsIfNeeded().forPath(JOBS);
			}
			catch (KeeperException.NodeExistsException ex) {
				// created concurrently: fine
			}
		}
	}

	private static String jobPath(String jobId) {
		if (!jobId.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("Invalid job id '" + jobId + "'");
		}
		return JOBS + "/" + jobId;
	}

	private Path writeCheckpointFile(CompletedCheckpoint checkpoint) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("jobId", checkpoint.jobId());
		properties.setProperty("checkpointId", Long.toString(checkpoint.checkpointId()));
		properties.setProperty("triggeredAtMillis", Long.toString(checkpoint.triggeredAtMillis()));
		properties.setProperty("completedAtMillis", Long.toString(checkpoint.completedAtMillis()));
		checkpoint.subtaskStates().forEach((subtask, state) -> {
			properties.setProperty("subtask." + subtask + ".records", Long.toString(state.recordsProcessed()));
			properties.setProperty("subtask." + subtask + ".stateBytes", Long.toString(state.stateSizeBytes()));
		});
		properties.setProperty("finished", String.join(",",
				checkpoint.finishedSubtasks().stream().sorted().map(String::valueOf).toList()));
		Path dir = this.storageDir.resolve(checkpoint.jobId());
		Files.createDirectories(dir);
		Path file = dir.resolve("checkpoint-" + checkpoint.checkpointId() + ".properties");
		Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
		Files.write(temp, toBytes(properties));
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return file.toAbsolutePath();
	}

	private static CompletedCheckpoint readCheckpointFile(String jobId, Path file) throws IOException {
		Properties properties = fromBytes(Files.readAllBytes(file));
		Map<Integer, TaskStateSnapshot> states = new HashMap<>();
		for (String name : properties.stringPropertyNames()) {
			if (name.startsWith("subtask.") && name.endsWith(".records")) {
				int subtask = Integer.parseInt(name.substring("subtask.".length(), name.length() - ".records".length()));
				states.put(subtask, new TaskStateSnapshot(Long.parseLong(properties.getProperty(name)),
						Long.parseLong(properties.getProperty("subtask." + subtask + ".stateBytes", "0"))));
			}
		}
		Set<Integer> finished = new HashSet<>();
		for (String subtask : properties.getProperty("finished", "").split(",")) {
			if (!subtask.isBlank()) {
				finished.add(Integer.parseInt(subtask.trim()));
			}
		}
		return new CompletedCheckpoint(jobId, Long.parseLong(properties.getProperty("checkpointId")),
				Long.parseLong(properties.getProperty("triggeredAtMillis", "0")),
				Long.parseLong(properties.getProperty("completedAtMillis", "0")), states, finished);
	}

	private static Path pointedFile(byte[] pointer) {
		String file = fromBytes(pointer).getProperty("file");
		if (file == null) {
			throw new IllegalStateException("A checkpoint pointer in ZooKeeper names no file");
		}
		return Path.of(file);
	}

	static byte[] encodeJobGraph(JobGraph jobGraph) {
		Properties properties = new Properties();
		properties.setProperty("jobId", jobGraph.jobId());
		properties.setProperty("name", jobGraph.submission().name());
		properties.setProperty("parallelism", Integer.toString(jobGraph.submission().parallelism()));
		properties.setProperty("taskDurationMillis", Long.toString(jobGraph.submission().taskDurationMillis()));
		properties.setProperty("submittedAtMillis", Long.toString(jobGraph.submittedAtMillis()));
		return toBytes(properties);
	}

	static JobGraph decodeJobGraph(String jobId, byte[] data) {
		Properties properties = fromBytes(data);
		try {
			return new JobGraph(jobId,
					new JobSubmission(properties.getProperty("name"),
							Integer.parseInt(properties.getProperty("parallelism")),
							Long.parseLong(properties.getProperty("taskDurationMillis"))),
					Long.parseLong(properties.getProperty("submittedAtMillis")));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The stored job graph of job " + jobId + " is unreadable: " + ex, ex);
		}
	}

	private static byte[] toBytes(Properties properties) {
		StringWriter writer = new StringWriter();
		try {
			properties.store(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return writer.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Properties fromBytes(byte[] data) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(new String(data, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static void deleteDirectory(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
