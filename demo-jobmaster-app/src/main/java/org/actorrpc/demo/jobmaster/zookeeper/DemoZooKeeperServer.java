package org.actorrpc.demo.jobmaster.zookeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;

/**
 * A single ZooKeeper server for the demo's high-availability mode, in a JVM of its own: ZooKeeper's
 * own {@link ZooKeeperServerMain} on a {@code zoo.cfg}, which additionally writes the port it
 * bound to a ports file once it serves (so that the config may say {@code clientPort=0}). Not a
 * Spring component; started from the JobMaster app's executable jar:
 *
 * <pre>
 * java -Dloader.main=org.actorrpc.demo.jobmaster.zookeeper.DemoZooKeeperServer \
 *     -cp demo-jobmaster-app-exec.jar org.springframework.boot.loader.launch.PropertiesLauncher \
 *     zoo.cfg zookeeper.ports
 * </pre>
 *
 * Runs until the JVM is stopped. Threading: ZooKeeper's; the ports file is written once, on the
 * thread that starts the server.
 */
public final class DemoZooKeeperServer {

	private DemoZooKeeperServer() {
	}

	/**
	 * Runs the server.
	 * @param args the {@code zoo.cfg} and the ports file to write ({@code zookeeper.port=<port>})
	 * @throws Exception if the configuration is invalid or the server fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("Usage: DemoZooKeeperServer <zoo.cfg> <ports file to write>");
			System.exit(2);
		}
		// ZooKeeper's classes log from their static initialisers: configure logging before they load
		System.setProperty("logback.configurationFile", "zookeeper-logback.xml");
		System.setProperty("zookeeper.admin.enableServer", "false");
		ServerConfig config = new ServerConfig();
		config.parse(args[0]);
		new PortReportingServer(Path.of(args[1])).runFromConfig(config);
	}

	/** ZooKeeper's standalone server, reporting the port it bound. */
	private static final class PortReportingServer extends ZooKeeperServerMain {

		private final Path portsFile;

		PortReportingServer(Path portsFile) {
			this.portsFile = portsFile.toAbsolutePath();
		}

		@Override
		protected void serverStarted() {
			String content = "zookeeper.port=" + getClientPort() + "\n";
			try {
				Files.createDirectories(this.portsFile.getParent());
				Path temp = Files.createTempFile(this.portsFile.getParent(), this.portsFile.getFileName().toString(),
						".tmp");
				Files.writeString(temp, content, StandardCharsets.UTF_8);
				Files.move(temp, this.portsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the ZooKeeper ports file " + this.portsFile, ex);
			}
		}

	}

}
