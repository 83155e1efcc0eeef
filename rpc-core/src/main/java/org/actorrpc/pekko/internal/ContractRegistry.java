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
import org.actorrpc.serialization.KryoPool;

/**
 * The gateway contracts known to one actor system, by gateway and by fingerprint, so that the
 * serializer can decode a message for any gateway an endpoint serves or a gateway connected to.
 * Contracts are derived once per gateway interface and cached. Also holds what the serializer needs
 * to judge inbound bytes: the receiver's own frame limit and the count of undecodable messages.
 * The contracts share one {@link KryoPool}, so the service holds as many Kryo instances as
 * threads encode or decode at the same moment, whatever the number of its gateways. Thread-safe.
 */
public final class ContractRegistry implements Extension {

	/** Pekko extension id. */
	public static final Id ID = new Id();

	private static final String MAXIMUM_FRAME_SIZE = "pekko.remote.artery.advanced.maximum-frame-size";

	private final ConcurrentHashMap<Class<?>, GatewayContract> byGateway = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Long, GatewayContract> byFingerprint = new ConcurrentHashMap<>();

	private final KryoPool kryos = new KryoPool();

	private volatile List<Class<?>> extraClasses = List.of();

	private final ClassLoader classLoader;

	private final long maxFrameSize;

	private final InboundDecodeFailures decodeFailures = new InboundDecodeFailures();

	ContractRegistry(ExtendedActorSystem system) {
		// PekkoConfigFactory derives Artery's frame size from PekkoRpcServiceSettings.maxFrameSize, so
		// this is the receiver's own limit, also for a system whose raw Pekko config changed it.
		this(system.dynamicAccess().classLoader(), Math.max(1,
				system.settings().config().getBytes(MAXIMUM_FRAME_SIZE) - PekkoConfigFactory.FRAME_HEADROOM));
	}

	ContractRegistry(ClassLoader classLoader, long maxFrameSize) {
		this.classLoader = classLoader;
		this.maxFrameSize = maxFrameSize;
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
			GatewayContract contract = GatewayContract.of(gateway, this.extraClasses, this.kryos);
			this.byFingerprint.putIfAbsent(contract.fingerprint(), contract);
			return contract;
		});
	}

	GatewayContract byFingerprint(long fingerprint) {
		return this.byFingerprint.get(fingerprint);
	}

	/** @return the Kryo instances this actor system's contracts share */
	KryoPool kryos() {
		return this.kryos;
	}

	ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * The largest request or response payload this actor system accepts
	 * ({@code PekkoRpcServiceSettings.maxFrameSize}); larger inbound ones are refused undecoded.
	 * @return the limit in bytes
	 */
	long maxFrameSize() {
		return this.maxFrameSize;
	}

	/** @return the counter and rate-limited log of inbound messages that could not be decoded */
	InboundDecodeFailures decodeFailures() {
		return this.decodeFailures;
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
