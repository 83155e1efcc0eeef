package org.actorrpc.client;

import java.io.Serializable;
import java.util.function.Supplier;

import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RpcConnectionException;

/**
 * Where a {@link ReconnectingGateway} connects: an endpoint address (or {@code local:<id>}) and
 * the fencing token to connect with, plus what supplied the address, so that connect errors name
 * it; or no endpoint at all, with the failure every call gets meanwhile and a placeholder that
 * stands for the address in views and observer events. An immutable value.
 *
 * @param address the endpoint address, or the placeholder when there is no endpoint
 * @param fencingToken the token of fenced gateways, {@code null} until one is set
 * @param origin what supplied the address, for example {@code actorrpc.clients.jobmaster.address}
 * @param absence the failure of calls while there is no endpoint; {@code null} while there is one
 */
record ClientTarget(String address, Serializable fencingToken, String origin,
		Supplier<? extends RpcConnectionException> absence) {

	/** The address of the settings, no token yet. */
	static ClientTarget of(ClientSettings settings) {
		return new ClientTarget(settings.address(), null, settings.settingName("address"), null);
	}

	/** No endpoint: calls fail with what {@code absence} supplies. */
	static ClientTarget none(String placeholder, Supplier<? extends RpcConnectionException> absence) {
		return new ClientTarget(placeholder, null, null, absence);
	}

	/** Whether there is an endpoint to connect to. */
	boolean isSet() {
		return this.absence == null;
	}

	ClientTarget withFencingToken(Serializable token) {
		return new ClientTarget(this.address, token, this.origin, this.absence);
	}

	/** The address to connect to, a {@code local:} address resolved by the service; the placeholder without an endpoint. */
	String resolve(RpcService rpcService) {
		if (isSet() && this.address.startsWith(ClientSettings.LOCAL_PREFIX)) {
			return rpcService.getEndpointAddress(this.address.substring(ClientSettings.LOCAL_PREFIX.length()));
		}
		return this.address;
	}

	/** The host the endpoint runs on: the service's own for {@code local:} addresses. */
	String hostname(RpcService rpcService) {
		if (this.address.startsWith(ClientSettings.LOCAL_PREFIX)) {
			return rpcService.getAddress();
		}
		return ClientSettings.hostOf(this.address);
	}

}
