package org.actorrpc.pekko.internal;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.apache.pekko.dispatch.RequiresMessageQueue;
import org.apache.pekko.event.Logging;
import org.apache.pekko.event.LoggerMessageQueueSemantics;
import org.apache.pekko.event.slf4j.Slf4jLogger;

/**
 * Pekko's SLF4J logger, minus two kinds of warning that a healthy node prints: the remote
 * actor-ref provider's start-up advice ("Pekko Cluster not in use", "configured without TLS":
 * actorrpc uses neither remote watch nor deployment, and documents TLS with its settings), and the
 * stream materializer's report of every aborted Artery connection, which a normal shutdown of a
 * peer causes and which actorrpc reports itself (calls fail as unreachable). Spring applications
 * get the same through the starter's logging defaults; this logger gives it to plain-Java
 * services ({@code pekko.loggers}). Everything else goes to Pekko's own {@link Slf4jLogger}
 * unchanged, in order. Runs on Pekko's loggers dispatcher.
 */
public final class QuietSlf4jLogger extends AbstractActor implements RequiresMessageQueue<LoggerMessageQueueSemantics> {

	private static final String PROVIDER = "org.apache.pekko.remote.RemoteActorRefProvider";

	private static final String MATERIALIZER = "org.apache.pekko.stream.Materializer";

	private ActorRef slf4j;

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(Logging.InitializeLogger.class, (initialize) -> {
			this.slf4j = getContext().actorOf(Props.create(Slf4jLogger.class), "slf4j");
			this.slf4j.tell(initialize, getSelf());
			getSender().tell(Logging.loggerInitialized(), getSelf());
		})
			.match(Logging.LoggerInitialized.class, (initialized) -> {
				// the delegate's answer to the initialization above
			})
			.match(Logging.LogEvent.class, (event) -> {
				if (!isQuiet(event)) {
					this.slf4j.forward(event, getContext());
				}
			})
			.build();
	}

	static boolean isQuiet(Logging.LogEvent event) {
		if (event.level() != Logging.WarningLevel()) {
			return false;
		}
		String source = event.logSource();
		if (PROVIDER.equals(source)) {
			return true;
		}
		String logClass = (event.logClass() != null) ? event.logClass().getName() : "";
		return (MATERIALIZER.equals(logClass) || source.startsWith(MATERIALIZER))
				&& String.valueOf(event.message()).contains("StreamTcpException");
	}

}
