package org.actorrpc.pekko.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.actor.ExtensionIdProvider;

import org.actorrpc.RpcGateway;
import org.actorrpc.serialization.GatewayContract;

/**
 * The gateway contracts known to one actor system, by gateway and by fingerprint, so that the
 * serializer can decode a message for any gateway an endpoint serves or a gateway connected to.
 * Contracts are derived once per gateway interface and cached. Thread-safe.
 */
public final class ContractRegistry implements Extension {

	/** Pekko extension id. */
	public static final Id ID = new Id();

	private final ConcurrentHashMap<Class<?>, GatewayContract> byGateway = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Long, GatewayContract> byFingerprint = new ConcurrentHashMap<>();

	private volatile List<Class<?>> extraClasses = List.of();

	private final ClassLoader classLoader;

	ContractRegistry(ExtendedActorSystem system) {
		this.classLoader = system.dynamicAccess().classLoader();
	}

	/**
	 * Returns the registry of an actor system.
	 * @param system the actor system
	 * @return its registry
	 */
	public static ContractRegistry get(ActorSystem system) {
		return ID.get(system);
	}

	void configureExtraClasses(List<Class<?>> classes) {
		this.extraClasses = List.copyOf(classes);
	}

	/**
	 * Returns the contract of a gateway, deriving and registering it on first use.
	 * @param gateway the gateway interface
	 * @return the contract
	 */
	GatewayContract contractOf(Class<? extends RpcGateway> gateway) {
		return this.byGateway.computeIfAbsent(gateway, (type) -> {
			GatewayContract contract = GatewayContract.of(gateway, this.extraClasses);
			this.byFingerprint.putIfAbsent(contract.fingerprint(), contract);
			return contract;
		});
	}

	GatewayContract byFingerprint(long fingerprint) {
		return this.byFingerprint.get(fingerprint);
	}

	ClassLoader classLoader() {
		return this.classLoader;
	}

	/** Pekko extension id of {@link ContractRegistry}. */
	public static final class Id extends AbstractExtensionId<ContractRegistry> implements ExtensionIdProvider {

		@Override
		public ContractRegistry createExtension(ExtendedActorSystem system) {
			return new ContractRegistry(system);
		}

		@Override
		public Id lookup() {
			return ID;
		}

	}

}
