package org.actorrpc.pekko.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.Props;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.actorrpc.exceptions.RecipientUnreachableException;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dead-letter relay answers for a message that never left this service: Artery hands the messages queued
 * on a connection that broke to dead letters, with this service's own reply actor as their sender. Such a handshake
 * is not "no endpoint" (the connecting side sends it again), and such a call fails saying what happened.
 */
class DeadLetterRelayTest {

	private ActorSystem system;

	@BeforeEach
	void start() {
		this.system = ActorSystem.create("relay", ConfigFactory.parseString("pekko.actor.provider = local\n"
				+ "pekko.loglevel = WARNING").withFallback(ConfigFactory.defaultReference()));
	}

	@AfterEach
	void stop() throws Exception {
		this.system.terminate();
		this.system.getWhenTerminated().toCompletableFuture().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Test
	void handshakeLostOnItsWayOutIsNotAnsweredAsNoEndpointAndALostCallFailsSayingTheConnectionBroke()
			throws Exception {
		CompletableFuture<Object> firstAnswer = new CompletableFuture<>();
		ActorRef connectingSide = this.system.actorOf(Props.create(FirstMessage.class, () -> new FirstMessage(firstAnswer)));
		ActorRef relay = this.system.actorOf(Props.create(DeadLetterRelay.class, DeadLetterRelay::new));
		ActorRef lostAt = this.system.deadLetters();

		// Handled in order: were the handshake answered, its answer would arrive first.
		relay.tell(new DeadLetter(new HandshakeRequest("Gateway", ServiceContext.PROTOCOL_VERSION, 1L, List.of(), false),
				connectingSide, lostAt), ActorRef.noSender());
		relay.tell(new DeadLetter(new RpcRequest(7L, 1L, 0, (byte) 0, new byte[0]), connectingSide, lostAt),
				ActorRef.noSender());

		Object answer = firstAnswer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(answer).isInstanceOf(RpcResponse.class);
		RpcResponse response = (RpcResponse) answer;
		assertThat(response.callId).isEqualTo(7L);
		assertThat((Throwable) response.value).isInstanceOf(RecipientUnreachableException.class)
			.hasMessageContaining("the connection to its service broke before the call was sent");
	}

	/** Completes its future with the first message it receives. */
	static final class FirstMessage extends AbstractActor {

		private final CompletableFuture<Object> first;

		FirstMessage(CompletableFuture<Object> first) {
			this.first = first;
		}

		@Override
		public Receive createReceive() {
			return receiveBuilder().matchAny(this.first::complete).build();
		}

	}

}
