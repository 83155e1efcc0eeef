package org.actorrpc.pekko.internal;

import com.typesafe.config.Config;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.event.Logging;
import org.apache.pekko.event.slf4j.Slf4jLogger;
import org.apache.pekko.stream.Materializer;
import scala.PartialFunction;
import scala.runtime.BoxedUnit;

/**
 * Pekko's SLF4J logger, with the two warnings that a correctly working actorrpc node logs as part
 * of its normal life demoted to DEBUG, so that WARN in the log always means something to look at:
 * <ul>
 * <li>Pekko's advice, at every start, to use Pekko Cluster for remote watch and deployment:
 * actorrpc uses neither (it detects lost peers with its own heartbeats);</li>
 * <li>the aborted TCP connection streams ({@code StreamTcpException}) of this node's own Artery
 * transport while the actor system shuts down. The same failure while the system runs (a peer
 * crashed, the network broke) is still logged at WARN.</li>
 * <li>the ERROR, with its stack trace, of Pekko IO failing to bind Artery's own port: the same
 * failure aborts the creation of the actor system with an exception that names the address, so
 * whoever created it reports it once (the Spring Boot starter as a short failure report).</li>
 * </ul>
 * Every other event is logged unchanged.
 *
 * <p>A Pekko logger actor: messages are processed one at a time, like any actor's.
 */
public class ActorRpcSlf4jLogger extends Slf4jLogger {

	static final String CLUSTER_ADVICE = "Pekko Cluster not in use - Using Pekko Cluster is recommended if you "
			+ "need remote watch and deploy.";

	static final String ABORTED_CONNECTION = "StreamTcpException: The connection has been aborted";

	static final String BIND_FAILED = "Bind failed for TCP channel on endpoint [";

	@Override
	public void aroundReceive(PartialFunction<Object, BoxedUnit> receive, Object message) {
		if (message instanceof Logging.Warning warning && isExpected(warning)) {
			super.aroundReceive(receive, new Logging.Debug(warning.logSource(), warning.logClass(), warning.message()));
			return;
		}
		if (message instanceof Logging.Error error && isArteryBindFailure(error)) {
			super.aroundReceive(receive, new Logging.Debug(error.logSource(), error.logClass(),
					error.message() + ((error.cause() != null) ? ": " + error.cause() : "")));
			return;
		}
		super.aroundReceive(receive, message);
	}

	private boolean isArteryBindFailure(Logging.Error error) {
		String text = String.valueOf(error.message());
		if (!text.startsWith(BIND_FAILED)) {
			return false;
		}
		Config config = context().system().settings().config();
		String bindPort = config.getString("pekko.remote.artery.bind.port");
		String port = bindPort.isEmpty() ? config.getString("pekko.remote.artery.canonical.port") : bindPort;
		return !"0".equals(port) && text.endsWith(":" + port + "]");
	}

	private boolean isExpected(Logging.Warning warning) {
		String text = String.valueOf(warning.message());
		if (text.equals(CLUSTER_ADVICE)) {
			return true;
		}
		return Materializer.class.equals(warning.logClass()) && text.contains(ABORTED_CONNECTION)
				&& CoordinatedShutdown.get(context().system()).getShutdownReason().isPresent();
	}

}
