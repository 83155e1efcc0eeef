package org.actorrpc.spring.boot.autoconfigure.ha;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when rpc-ha-zookeeper or Apache Curator is missing from the class path (the opposite of
 * {@code @ConditionalOnClass} on both). Stateless.
 */
final class ZooKeeperClassesMissingCondition extends SpringBootCondition {

	/** rpc-ha-zookeeper's services. */
	static final String SERVICES = "org.actorrpc.ha.zookeeper.ZooKeeperHighAvailabilityServices";

	/** Curator's client. */
	static final String CURATOR = "org.apache.curator.framework.CuratorFramework";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		List<String> missing = missing(context.getClassLoader());
		return missing.isEmpty() ? ConditionOutcome.noMatch("rpc-ha-zookeeper and Curator are present")
				: ConditionOutcome.match("missing " + missing);
	}

	static String describeMissing(ClassLoader classLoader) {
		return String.join(" and ", missing(classLoader));
	}

	private static List<String> missing(ClassLoader classLoader) {
		List<String> missing = new ArrayList<>();
		if (!ClassUtils.isPresent(SERVICES, classLoader)) {
			missing.add(SERVICES + " (org.actorrpc:rpc-ha-zookeeper)");
		}
		if (!ClassUtils.isPresent(CURATOR, classLoader)) {
			missing.add(CURATOR + " (org.apache.curator:curator-framework)");
		}
		return missing;
	}

}
