package org.actorrpc.spring.boot.autoconfigure.ha;

import org.actorrpc.ha.EndpointLeaderContender;
import org.actorrpc.ha.LeaderFollowingGateway;

/**
 * Told by {@link RpcLeadership} of every leader-elected endpoint and leader-following client of
 * the application, once, when it is registered (metrics register their meters then). Called on
 * the thread that registers (the context's start, or the first injection of a client).
 */
public interface RpcLeadershipObserver {

	/**
	 * A leader-elected endpoint starts contending.
	 * @param contender its contender; read its state with {@link EndpointLeaderContender#view()}
	 */
	void contenderRegistered(EndpointLeaderContender contender);

	/**
	 * A client that follows a leader was created.
	 * @param follower the client; read its state with {@link LeaderFollowingGateway#followerView()}
	 */
	void followerRegistered(LeaderFollowingGateway<?> follower);

}
