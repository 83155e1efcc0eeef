package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.util.StringUtils;

/**
 * The resolved settings of one {@code @RpcClient}: its own {@code actorrpc.clients.<name>} entry
 * completed from the {@code default} entry, and checked.
 *
 * @param name the client name
 * @param address the endpoint address: {@code pekko://system@host:port/user/rpc/id}, or
 * {@code local:<endpoint-id>} for an endpoint of this application
 * @param timeout how long a call waits for the connection, and an asynchronous call for its result
 */
public record RpcClientSettings(String name, String address, Duration timeout) {

	/** Name of the entry that supplies defaults for every client. */
	public static final String DEFAULT_CLIENT = "default";

	/** Prefix of addresses that name an endpoint of this application by id. */
	public static final String LOCAL_PREFIX = "local:";

	/** Timeout used when neither the client nor the default entry sets one. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final Pattern REMOTE_ADDRESS = Pattern
		.compile("pekko://[a-zA-Z0-9][a-zA-Z0-9_-]*(@[^@:/\\s]+:[0-9]{1,5})?/user/\\S+");

	private static final Pattern ENDPOINT_ID = Pattern.compile("[^/\\s]+");

	/**
	 * Resolves and checks the settings of the named client.
	 * @param properties the bound properties
	 * @param name the client name
	 * @return the settings
	 * @throws InvalidActorRpcPropertyException if the address is missing or malformed, or the
	 * timeout is not positive
	 */
	public static RpcClientSettings resolve(ActorRpcProperties properties, String name) {
		ActorRpcProperties.Client own = properties.getClients().get(name);
		ActorRpcProperties.Client defaults = properties.getClients().get(DEFAULT_CLIENT);
		String prefix = "actorrpc.clients." + name;
		String address = (own != null) ? own.getAddress() : null;
		String addressProperty = prefix + ".address";
		if (address == null && defaults != null && defaults.getAddress() != null) {
			address = defaults.getAddress();
			addressProperty = "actorrpc.clients.default.address";
		}
		if (!StringUtils.hasText(address)) {
			throw new InvalidActorRpcPropertyException(addressProperty, address,
					"@RpcClient(\"" + name + "\") needs the address of its endpoint",
					"Set " + prefix + ".address to the endpoint's address, for example "
							+ "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster, or local:<endpoint-id> for an "
							+ "endpoint of this application.");
		}
		validateAddress(addressProperty, address);
		Duration timeout = (own != null) ? own.getTimeout() : null;
		String timeoutProperty = prefix + ".timeout";
		if (timeout == null && defaults != null && defaults.getTimeout() != null) {
			timeout = defaults.getTimeout();
			timeoutProperty = "actorrpc.clients.default.timeout";
		}
		if (timeout == null) {
			timeout = DEFAULT_TIMEOUT;
		}
		RpcServiceSettingsFactory.requirePositive(timeoutProperty, timeout);
		return new RpcClientSettings(name, address.trim(), timeout);
	}

	/**
	 * Checks an address.
	 * @param property the property it came from
	 * @param address the address
	 * @throws InvalidActorRpcPropertyException if it is malformed
	 */
	public static void validateAddress(String property, String address) {
		String trimmed = address.trim();
		if (trimmed.startsWith(LOCAL_PREFIX)) {
			if (!ENDPOINT_ID.matcher(trimmed.substring(LOCAL_PREFIX.length())).matches()) {
				throw new InvalidActorRpcPropertyException(property, address,
						"a local address must name an endpoint id after 'local:'",
						"Set " + property + " to local:<endpoint-id>, for example local:jobmaster.");
			}
			return;
		}
		if (!REMOTE_ADDRESS.matcher(trimmed).matches()) {
			throw new InvalidActorRpcPropertyException(property, address, "it is not an actorrpc endpoint address",
					"Set " + property + " to pekko://<system-name>@<host>:<port>/user/rpc/<endpoint-id>, for example "
							+ "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster.");
		}
		int at = trimmed.indexOf('@');
		if (at > 0) {
			int colon = trimmed.indexOf(':', at);
			int slash = trimmed.indexOf('/', colon);
			int port = Integer.parseInt(trimmed.substring(colon + 1, slash));
			if (port < 1 || port > 65535) {
				throw new InvalidActorRpcPropertyException(property, address,
						"the port must be between 1 and 65535", "Set " + property
								+ " to the address the endpoint's node advertises (its actorrpc.host and actorrpc.port).");
			}
		}
	}

	/**
	 * Whether the address names an endpoint of this application.
	 * @return whether the address is {@code local:<id>}
	 */
	public boolean isLocal() {
		return this.address.startsWith(LOCAL_PREFIX);
	}

	/**
	 * Returns the host of a remote address.
	 * @return the host, or {@code ""} for local addresses or addresses without host
	 */
	public String host() {
		int at = this.address.indexOf('@');
		if (at < 0) {
			return "";
		}
		int colon = this.address.indexOf(':', at);
		return this.address.substring(at + 1, colon);
	}

}
