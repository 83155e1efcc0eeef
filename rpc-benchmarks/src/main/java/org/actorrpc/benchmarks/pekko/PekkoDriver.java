package org.actorrpc.benchmarks.pekko;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.pattern.Patterns;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoClientSide;
import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.PeerDriver;

/**
 * Raw Pekko 1.7 with Artery TCP on 127.0.0.1: asks ({@link Patterns#ask}, one temporary actor per call) and
 * tells to an {@link EchoActor}. In the local placement the clients use the server's actor system. Stateless.
 */
public final class PekkoDriver implements PeerDriver {

	private static final Config CONFIG = ConfigFactory.parseString("""
			pekko {
			  loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
			  logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
			  loglevel = WARNING
			  stdout-loglevel = WARNING
			  log-dead-letters = off
			  # the default 5 s is too short for a JVM starting on a heavily shared machine
			  logger-startup-timeout = 30s
			  actor.provider = remote
			  remote.warn-about-direct-use = off
			  remote.artery {
			    transport = tcp
			    canonical.hostname = "127.0.0.1"
			    canonical.port = 0
			    # the 1 MiB payload benchmark needs frames above the 256 KiB default
			    advanced.maximum-frame-size = 2MiB
			    advanced.buffer-pool-size = 32
			    # Artery drops messages when its outbound queue (3072 by default) is full: a larger queue is what a
			    # user who sends bursts of tells would configure (the fire-and-forget benchmark reports the losses)
			    advanced.outbound-message-queue-size = 65536
			  }
			}
			""");

	private static final Duration ASK_TIMEOUT = EchoClient.CALL_TIMEOUT;

	@Override
	public EchoServer startServer() {
		ActorSystem system = ActorSystem.create("pekkobench", CONFIG.withFallback(ConfigFactory.load()));
		ActorRef echo = system.actorOf(EchoActor.props(), "echo");
		String address = echo.path().toStringWithAddress(system.provider().getDefaultAddress());
		return new PekkoServer(system, address);
	}

	@Override
	public EchoClientSide startClientSide(EchoServer colocated) {
		ActorSystem system = (colocated instanceof PekkoServer server) ? server.system
				: ActorSystem.create("pekkoclient", CONFIG.withFallback(ConfigFactory.load()));
		boolean owned = colocated == null;
		return new EchoClientSide() {
			@Override
			public EchoClient connect(String address) throws Exception {
				ActorRef target = system.actorSelection(address).resolveOne(ASK_TIMEOUT)
					.toCompletableFuture()
					.get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				return new PekkoEchoClient(target);
			}

			@Override
			public void close() throws Exception {
				if (owned) {
					terminate(system);
				}
			}
		};
	}

	@Override
	public boolean hostsEndpoints() {
		return true;
	}

	@Override
	public EndpointHost startEndpointHost() {
		ActorSystem system = ActorSystem.create("pekkobench", CONFIG.withFallback(ConfigFactory.load()));
		return new EndpointHost() {
			@Override
			public Object startEndpoint(String id) throws Exception {
				ActorRef actor = system.actorOf(EchoActor.props(), id);
				Patterns.ask(actor, EchoActor.COUNT, ASK_TIMEOUT).toCompletableFuture()
					.get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				return actor;
			}

			@Override
			public void close() throws Exception {
				terminate(system);
			}
		};
	}

	private static void terminate(ActorSystem system) throws Exception {
		system.terminate();
		system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
	}

	private record PekkoServer(ActorSystem system, String address) implements EchoServer {

		@Override
		public void close() throws Exception {
			terminate(this.system);
		}

	}

	private record PekkoEchoClient(ActorRef target) implements EchoClient {

		@Override
		public CompletableFuture<Integer> echo(int value) {
			return ask(value, Integer.class);
		}

		@Override
		public CompletableFuture<byte[]> echoBytes(byte[] payload) {
			return ask(payload, byte[].class);
		}

		@Override
		public void tell(int sender, long sequence) {
			this.target.tell(EchoActor.tellMessage(sender, sequence), ActorRef.noSender());
		}

		@Override
		public CompletableFuture<Delivery> delivery() {
			return ask(EchoActor.COUNT, byte[].class).thenApply(EchoActor::decode);
		}

		private <T> CompletableFuture<T> ask(Object message, Class<T> answerType) {
			return Patterns.ask(this.target, message, ASK_TIMEOUT).toCompletableFuture().thenApply(answerType::cast);
		}

	}

}
