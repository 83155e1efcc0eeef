package org.actorrpc.spring.boot.autoconfigure.ha;

import java.util.UUID;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.ha.LeadershipListener;
import org.actorrpc.spring.LeadershipGrantedEvent;
import org.actorrpc.spring.LeadershipRevokedEvent;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes {@link LeadershipGrantedEvent} and {@link LeadershipRevokedEvent} for one
 * leader-elected endpoint. Called on the endpoint's main thread only, which also guards the
 * remembered session.
 */
final class LeadershipEventPublisher implements LeadershipListener {

	private final FencedRpcEndpoint<UUID> endpoint;

	private final ApplicationEventPublisher events;

	/** The session granted last; main thread only. */
	private UUID session;

	LeadershipEventPublisher(FencedRpcEndpoint<UUID> endpoint, ApplicationEventPublisher events) {
		this.endpoint = endpoint;
		this.events = events;
	}

	@Override
	public void onLeadershipGranted(UUID leaderSessionId) {
		this.session = leaderSessionId;
		this.events.publishEvent(new LeadershipGrantedEvent(this.endpoint, leaderSessionId));
	}

	@Override
	public void onLeadershipRevoked() {
		UUID revoked = this.session;
		this.session = null;
		this.events.publishEvent(new LeadershipRevokedEvent(this.endpoint, revoked));
	}

}
