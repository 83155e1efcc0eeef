package org.actorrpc.pekko.internal;

import java.util.concurrent.ConcurrentHashMap;

import org.actorrpc.RpcGateway;
import org.actorrpc.serialization.GatewayContract;

/**
 * The {@link GatewayModel}s of one service, derived once per gateway interface from the actor
 * system's {@link ContractRegistry} and cached. Thread-safe.
 */
final class GatewayModels {

	private final ContractRegistry contracts;

	private final ConcurrentHashMap<Class<?>, GatewayModel> models = new ConcurrentHashMap<>();

	GatewayModels(ContractRegistry contracts) {
		this.contracts = contracts;
	}

	ContractRegistry contracts() {
		return this.contracts;
	}

	/**
	 * Returns the model of a gateway interface, deriving its contract on first use.
	 * @param gateway the gateway interface
	 * @return its model
	 * @throws IllegalArgumentException if the interface is not a valid gateway
	 */
	GatewayModel of(Class<? extends RpcGateway> gateway) {
		GatewayModel model = this.models.get(gateway);
		if (model == null) {
			GatewayContract contract = this.contracts.contractOf(gateway);
			model = this.models.computeIfAbsent(gateway, (type) -> new GatewayModel(contract));
		}
		return model;
	}

	/**
	 * Returns the model of the gateway whose contract has a fingerprint.
	 * @param fingerprint the contract fingerprint
	 * @return its model, or {@code null} if no such contract is known
	 */
	GatewayModel byFingerprint(long fingerprint) {
		GatewayContract contract = this.contracts.byFingerprint(fingerprint);
		return (contract != null) ? of(contract.gateway()) : null;
	}

}
