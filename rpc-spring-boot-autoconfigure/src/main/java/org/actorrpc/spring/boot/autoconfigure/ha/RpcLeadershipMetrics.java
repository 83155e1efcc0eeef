package org.actorrpc.spring.boot.autoconfigure.ha;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.actorrpc.ha.EndpointLeaderContender;
import org.actorrpc.ha.LeaderFollowingGateway;
import org.actorrpc.ha.LeadershipView;

/**
 * Leadership metrics, in the naming style of
 * {@link org.actorrpc.spring.boot.autoconfigure.metrics.RpcMetricsObserver}:
 * <ul>
 * <li>{@value #CHANGES} (function counter; tags {@code component}, {@code role} =
 * {@code contender}|{@code follower}, {@code client}, the client name or {@code none} for a
 * contender): leadership granted or revoked (contenders), a new leader or "no leader" learnt
 * (followers);</li>
 * <li>{@value #LEADER} (gauge; tag {@code component}): 1 while the leader-elected endpoint leads,
 * else 0;</li>
 * <li>{@value #LEADERLESS} (function counter, seconds; tags {@code component}, {@code client}):
 * total time a following client knew no leader.</li>
 * </ul>
 * Tags are low-cardinality: component ids and client names, never session ids or addresses.
 *
 * <p>Thread-safe; meters read the views when scraped.
 */
public final class RpcLeadershipMetrics implements RpcLeadershipObserver {

	/** Leadership changes (function counter). */
	public static final String CHANGES = "actorrpc.leadership.changes";

	/** Whether a leader-elected endpoint leads (gauge, 1 or 0). */
	public static final String LEADER = "actorrpc.leadership.leader";

	/** Time a following client knew no leader (function counter, seconds). */
	public static final String LEADERLESS = "actorrpc.leadership.leaderless.time";

	private static final String NONE = "none";

	private final MeterRegistry registry;

	/**
	 * Creates the metrics.
	 * @param registry where the meters are registered
	 */
	public RpcLeadershipMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void contenderRegistered(EndpointLeaderContender contender) {
		String component = contender.endpoint().getEndpointId();
		FunctionCounter.builder(CHANGES, contender, (c) -> c.view().changes())
			.description("Leadership changes: grants and revocations of a leader-elected endpoint, new leaders and "
					+ "lost leaders seen by a following client")
			.tag("component", component)
			.tag("role", "contender")
			.tag("client", NONE)
			.register(this.registry);
		Gauge.builder(LEADER, contender, (c) -> (c.view().state() == LeadershipView.State.LEADER) ? 1 : 0)
			.description("1 while the leader-elected endpoint leads, else 0")
			.tag("component", component)
			.register(this.registry);
	}

	@Override
	public void followerRegistered(LeaderFollowingGateway<?> follower) {
		String component = follower.componentId();
		String client = follower.followerView().clientName();
		FunctionCounter.builder(CHANGES, follower, (f) -> f.followerView().changes())
			.description("Leadership changes: grants and revocations of a leader-elected endpoint, new leaders and "
					+ "lost leaders seen by a following client")
			.tag("component", component)
			.tag("role", "follower")
			.tag("client", client)
			.register(this.registry);
		FunctionCounter
			.builder(LEADERLESS, follower, (f) -> f.followerView().leaderlessTime().toNanos() / 1_000_000_000.0)
			.description("Total time the following client knew no leader of the component")
			.baseUnit("seconds")
			.tag("component", component)
			.tag("client", client)
			.register(this.registry);
	}

}
