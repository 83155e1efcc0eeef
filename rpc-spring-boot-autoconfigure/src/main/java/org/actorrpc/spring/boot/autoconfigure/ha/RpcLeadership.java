package org.actorrpc.spring.boot.autoconfigure.ha;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.actorrpc.ha.EndpointLeaderContender;
import org.actorrpc.ha.LeaderFollowerView;
import org.actorrpc.ha.LeaderFollowingGateway;
import org.actorrpc.ha.LeadershipView;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The leadership state of this application: its leader-elected endpoints (contenders) and its
 * clients that follow a leader (followers), for health, the Actuator endpoint, metrics and the
 * application's own dashboards. Observers ({@link RpcLeadershipObserver} beans) hear of every
 * contender and follower once it is registered.
 *
 * <p>Thread-safe; the views are snapshots.
 */
public final class RpcLeadership {

	private final ObjectProvider<RpcLeadershipObserver> observers;

	private final List<EndpointLeaderContender> contenders = new CopyOnWriteArrayList<>();

	private final List<LeaderFollowingGateway<?>> followers = new CopyOnWriteArrayList<>();

	/**
	 * Creates the registry.
	 * @param observers told of every registration (looked up then, so beans created later count)
	 */
	public RpcLeadership(ObjectProvider<RpcLeadershipObserver> observers) {
		this.observers = observers;
	}

	/**
	 * Returns the leadership of each leader-elected endpoint, in start order.
	 * @return one view per endpoint
	 */
	public List<LeadershipView> getContenders() {
		return this.contenders.stream().map(EndpointLeaderContender::view).toList();
	}

	/**
	 * Returns what each leader-following client knows about its leader.
	 * @return one view per client and gateway type
	 */
	public List<LeaderFollowerView> getFollowers() {
		return this.followers.stream().map(LeaderFollowingGateway::followerView).toList();
	}

	/**
	 * Returns both lists at once.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		return new Snapshot(getContenders(), getFollowers());
	}

	void register(EndpointLeaderContender contender) {
		this.contenders.add(contender);
		this.observers.orderedStream().forEach((observer) -> observer.contenderRegistered(contender));
	}

	void unregister(EndpointLeaderContender contender) {
		this.contenders.remove(contender);
	}

	void register(LeaderFollowingGateway<?> follower) {
		this.followers.add(follower);
		this.observers.orderedStream().forEach((observer) -> observer.followerRegistered(follower));
	}

	/**
	 * The leadership of the application at one moment.
	 * @param contenders the leader-elected endpoints
	 * @param followers the leader-following clients
	 */
	public record Snapshot(List<LeadershipView> contenders, List<LeaderFollowerView> followers) {
	}

}
