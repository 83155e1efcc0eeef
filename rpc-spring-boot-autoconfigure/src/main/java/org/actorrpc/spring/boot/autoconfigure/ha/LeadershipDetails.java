package org.actorrpc.spring.boot.autoconfigure.ha;

import java.util.LinkedHashMap;
import java.util.Map;

import org.actorrpc.ha.LeaderFollowerView;
import org.actorrpc.ha.LeadershipView;

/**
 * The leadership part of the {@code actorrpc} health details: per leader-elected endpoint its
 * state, per followed leader its address and session or {@code "none"}. Plain maps, so any health
 * serializer shows them. Stateless.
 */
public final class LeadershipDetails {

	private LeadershipDetails() {
	}

	/**
	 * Describes a snapshot.
	 * @param snapshot the leadership state
	 * @return {@code contenders} (endpoint id to state) and {@code followers} (client name to
	 * followed component and leader), each only when not empty
	 */
	public static Map<String, Object> of(RpcLeadership.Snapshot snapshot) {
		Map<String, Object> details = new LinkedHashMap<>();
		Map<String, Object> contenders = new LinkedHashMap<>();
		for (LeadershipView view : snapshot.contenders()) {
			Map<String, Object> contender = new LinkedHashMap<>();
			contender.put("state", view.state().name());
			if (view.leaderSessionId() != null) {
				contender.put("leaderSessionId", view.leaderSessionId().toString());
			}
			contender.put("since", view.since().toString());
			contenders.put(view.componentId(), contender);
		}
		Map<String, Object> followers = new LinkedHashMap<>();
		for (LeaderFollowerView view : snapshot.followers()) {
			Map<String, Object> follower = new LinkedHashMap<>();
			follower.put("follows", view.componentId());
			follower.put("leader", (view.leader() != null) ? view.leader().address() : "none");
			if (view.leader() != null) {
				follower.put("leaderSessionId", view.leader().sessionId().toString());
			}
			follower.put("since", view.since().toString());
			followers.put(view.clientName(), follower);
		}
		if (!contenders.isEmpty()) {
			details.put("contenders", contenders);
		}
		if (!followers.isEmpty()) {
			details.put("followers", followers);
		}
		return details;
	}

}
