package org.actorrpc.ha.zookeeper;

import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.actorrpc.ha.LeaderContender;
import org.actorrpc.ha.LeaderElection;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * Main class of a child JVM that contends for the {@value #COMPONENT} leadership: while it leads it
 * serves a {@link CounterEndpoint} whose token is the session id (a new endpoint per term), and
 * confirms the leadership with that endpoint's address. Prints {@value #EVENT_PREFIX} lines
 * ({@code CONTENDING}, {@code GRANTED <session> <micros>}, {@code PUBLISHED <session> <address> <micros>},
 * {@code REVOKED <session> <micros>}) and runs until its standard input is closed.
 *
 * <p>Arguments: {@code <connectString> <clusterId> <sessionTimeoutMillis> <acceptLog>}.
 */
public final class ContenderNodeMain {

	static final String EVENT_PREFIX = "HA-EVENT ";

	static final String COMPONENT = "counter";

	private ContenderNodeMain() {
	}

	/**
	 * Runs the node.
	 * @param args connect string, cluster id, session timeout in ms, accept log path
	 * @throws Exception if the node cannot start
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("usage: ContenderNodeMain <connectString> <clusterId> <sessionTimeoutMillis> <acceptLog>");
			System.exit(2);
		}
		PekkoRpcService service = new PekkoRpcService(PekkoRpcServiceSettings.builder()
			.systemName("contender")
			.host("127.0.0.1")
			.port(0)
			.shutdownTimeout(Duration.ofSeconds(5))
			.build());
		ZooKeeperHighAvailabilityServices ha = new ZooKeeperHighAvailabilityServices(ZooKeeperHaSettings.builder()
			.connectString(args[0])
			.clusterId(args[1])
			.sessionTimeout(Duration.ofMillis(Long.parseLong(args[2])))
			.connectionTimeout(Duration.ofSeconds(1))
			.retryBaseSleep(Duration.ofMillis(100))
			.build());
		try (FileChannel acceptLog = FileChannel.open(Path.of(args[3]), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			LeaderElection election = ha.createLeaderElection(COMPONENT);
			election.startLeaderElection(new Contender(service, election, acceptLog));
			event("CONTENDING");
			InputStream in = System.in;
			byte[] buffer = new byte[256];
			while (in.read(buffer) >= 0) {
				// wait for the parent to close stdin (or die)
			}
			ha.close();
		}
		finally {
			service.closeAsync().get(10, TimeUnit.SECONDS);
		}
		System.exit(0);
	}

	static synchronized void event(String text) {
		System.out.println(EVENT_PREFIX + text);
		System.out.flush();
	}

	/** Serves one endpoint per leadership term; called on the election's thread. */
	private static final class Contender implements LeaderContender {

		private final PekkoRpcService service;

		private final LeaderElection election;

		private final FileChannel acceptLog;

		private CounterEndpoint endpoint;

		Contender(PekkoRpcService service, LeaderElection election, FileChannel acceptLog) {
			this.service = service;
			this.election = election;
			this.acceptLog = acceptLog;
		}

		@Override
		public void grantLeadership(UUID leaderSessionId) {
			event("GRANTED " + leaderSessionId + " " + AcceptLog.nowMicros());
			this.endpoint = new CounterEndpoint(this.service, leaderSessionId, this.acceptLog);
			this.endpoint.start();
			String address = this.endpoint.getAddress();
			this.election.confirmLeadership(leaderSessionId, address)
				.thenRun(() -> event("PUBLISHED " + leaderSessionId + " " + address + " " + AcceptLog.nowMicros()));
		}

		@Override
		public void revokeLeadership() {
			if (this.endpoint != null) {
				event("REVOKED " + this.endpoint.getFencingToken() + " " + AcceptLog.nowMicros());
				this.endpoint.closeAsync();
				this.endpoint = null;
			}
		}

		@Override
		public void handleError(Throwable error) {
			event("ERROR " + error);
		}

	}

}
