package org.actorrpc.spring.boot.autoconfigure.ha;

import java.util.Map;

import org.actorrpc.CompositeRpcObserver;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.ha.ComponentIds;
import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.StandaloneHighAvailabilityServices;
import org.actorrpc.ha.zookeeper.ZooKeeperHighAvailabilityServices;
import org.actorrpc.spring.boot.autoconfigure.ActorRpcProperties;
import org.actorrpc.spring.boot.autoconfigure.InvalidActorRpcPropertyException;
import org.actorrpc.spring.boot.autoconfigure.RpcEndpointAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.RpcEndpointLifecycle;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for high availability: the
 * {@link HighAvailabilityServices} bean from {@code actorrpc.ha.*} (standalone by default, ZooKeeper
 * with {@code actorrpc.ha.mode=zookeeper} and rpc-ha-zookeeper on the class path; declare your own
 * bean to replace it), leader election for {@code @RpcEndpointComponent(leaderElected = true)}
 * endpoints, and the clients configured with {@code actorrpc.clients.<name>.follow-leader}.
 * {@code mode=zookeeper} without rpc-ha-zookeeper on the class path stops startup, naming the
 * dependency to add.
 */
@AutoConfiguration(after = { RpcServiceAutoConfiguration.class, RpcEndpointAutoConfiguration.class })
@ConditionalOnBean(RpcService.class)
public final class RpcHighAvailabilityAutoConfiguration {

	/** The property that selects the implementation. */
	static final String MODE = "actorrpc.ha.mode";

	@Bean
	static LeaderElectedEndpointChecker actorRpcLeaderElectedEndpointChecker() {
		return new LeaderElectedEndpointChecker();
	}

	@Bean
	@ConditionalOnMissingBean(HighAvailabilityServices.class)
	@ConditionalOnProperty(name = MODE, havingValue = "none", matchIfMissing = true)
	StandaloneHighAvailabilityServices actorRpcHighAvailabilityServices(ActorRpcProperties properties) {
		Map<String, String> leaders = properties.getHa().getStandalone().getLeaderAddresses();
		leaders.forEach((id, address) -> {
			try {
				ComponentIds.requireValid(id);
				new LeaderInformation(StandaloneHighAvailabilityServices.DEFAULT_LEADER_SESSION_ID, address);
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				throw new InvalidActorRpcPropertyException("actorrpc.ha.standalone.leader-addresses." + id, address,
						ex.getMessage(), "Map each endpoint id to the RPC address of its leader, for example "
								+ "actorrpc.ha.standalone.leader-addresses.jobmaster="
								+ "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster.",
						ex);
			}
		});
		return new StandaloneHighAvailabilityServices(leaders);
	}

	@Bean
	@ConditionalOnMissingBean
	RpcLeadership actorRpcLeadership(ObjectProvider<RpcLeadershipObserver> observers) {
		return new RpcLeadership(observers);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ HighAvailabilityServices.class, RpcEndpointLifecycle.class })
	LeaderElectedEndpointsLifecycle actorRpcLeaderElectedEndpointsLifecycle(RpcEndpointLifecycle endpoints,
			HighAvailabilityServices highAvailabilityServices, ApplicationEventPublisher events,
			RpcLeadership leadership) {
		return new LeaderElectedEndpointsLifecycle(endpoints, highAvailabilityServices, events, leadership);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(HighAvailabilityServices.class)
	LeaderFollowingClients actorRpcLeaderFollowingClients(RpcService rpcService,
			HighAvailabilityServices highAvailabilityServices, ObjectProvider<RpcObserver> observers,
			ApplicationEventPublisher events, RpcLeadership leadership) {
		return new LeaderFollowingClients(rpcService, highAvailabilityServices,
				CompositeRpcObserver.of(observers.orderedStream().toList()), events, leadership);
	}

	/** {@code actorrpc.ha.mode=zookeeper} with rpc-ha-zookeeper and Curator on the class path. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { ZooKeeperClassesMissingCondition.SERVICES, ZooKeeperClassesMissingCondition.CURATOR })
	@ConditionalOnProperty(name = MODE, havingValue = "zookeeper")
	static class ZooKeeperConfiguration {

		@Bean
		@ConditionalOnMissingBean(HighAvailabilityServices.class)
		ZooKeeperHighAvailabilityServices actorRpcHighAvailabilityServices(ActorRpcProperties properties) {
			return new ZooKeeperHighAvailabilityServices(
					ZooKeeperHaSettingsFactory.create(properties.getHa().getZookeeper()));
		}

	}

	/** {@code actorrpc.ha.mode=zookeeper} without rpc-ha-zookeeper or Curator: a clear startup failure. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(ZooKeeperClassesMissingCondition.class)
	@ConditionalOnProperty(name = MODE, havingValue = "zookeeper")
	static class MissingZooKeeperConfiguration {

		@Bean
		@ConditionalOnMissingBean(HighAvailabilityServices.class)
		HighAvailabilityServices actorRpcHighAvailabilityServices(ApplicationContext context) {
			throw new InvalidActorRpcPropertyException(MODE, "zookeeper",
					"the ZooKeeper implementation of high availability is not on the class path ("
							+ ZooKeeperClassesMissingCondition.describeMissing(context.getClassLoader()) + " missing)",
					"Add the dependency org.actorrpc:rpc-ha-zookeeper (it brings Apache Curator and ZooKeeper) to the "
							+ "application, or set " + MODE + "=none for standalone leaders without failover.");
		}

	}

}
