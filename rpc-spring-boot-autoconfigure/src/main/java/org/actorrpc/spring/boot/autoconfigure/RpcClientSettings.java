package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.actorrpc.client.ClientSettings;

import org.springframework.util.StringUtils;

/**
 * Resolves the {@link ClientSettings} of one {@code @RpcClient} from its
 * {@code actorrpc.clients.<name>} entry, completed from the {@code default} entry, and checks
 * them, naming the property at fault. Stateless.
 */
public final class RpcClientSettings {

	/** Name of the entry that supplies defaults for every client. */
	public static final String DEFAULT_CLIENT = "default";

	/** Timeout used when neither the client nor the default entry sets one. */
	public static final Duration DEFAULT_TIMEOUT = ClientSettings.DEFAULT_TIMEOUT;

	private static final Pattern REMOTE_ADDRESS = Pattern
		.compile("pekko://[a-zA-Z0-9][a-zA-Z0-9_-]*(@[^@:/\\s]+:[0-9]{1,5})?/user/\\S+");

	private static final Pattern ENDPOINT_ID = Pattern.compile("[^/\\s]+");

	private RpcClientSettings() {
	}

	/**
	 * Resolves and checks the settings of the named client.
	 * @param properties the bound properties
	 * @param name the client name
	 * @return the core client settings; their errors name {@code actorrpc.clients.<name>.*}
	 * @throws InvalidActorRpcPropertyException if the address is missing or malformed, a duration
	 * is not positive, or the maximum back-off is shorter than the initial one
	 */
	public static ClientSettings resolve(ActorRpcProperties properties, String name) {
		ActorRpcProperties.Client own = properties.getClients().get(name);
		ActorRpcProperties.Client defaults = properties.getClients().get(DEFAULT_CLIENT);
		String prefix = "actorrpc.clients." + name;
		Resolved<String> address = resolve(own, defaults, name, "address", ActorRpcProperties.Client::getAddress);
		if (!StringUtils.hasText(address.value())) {
			throw new InvalidActorRpcPropertyException(address.property(), address.value(),
					"@RpcClient(\"" + name + "\") needs the address of its endpoint",
					"Set " + prefix + ".address to the endpoint's address, for example "
							+ "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster, or local:<endpoint-id> for an "
							+ "endpoint of this application.");
		}
		validateAddress(address.property(), address.value());
		Duration timeout = positive(resolve(own, defaults, name, "timeout", ActorRpcProperties.Client::getTimeout),
				ClientSettings.DEFAULT_TIMEOUT);
		Resolved<Duration> initial = resolve(own, defaults, name, "initial-backoff",
				ActorRpcProperties.Client::getInitialBackoff);
		Duration initialBackoff = positive(initial, ClientSettings.DEFAULT_INITIAL_BACKOFF);
		Resolved<Duration> max = resolve(own, defaults, name, "max-backoff", ActorRpcProperties.Client::getMaxBackoff);
		Duration maxBackoff = positive(max, ClientSettings.DEFAULT_MAX_BACKOFF);
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new InvalidActorRpcPropertyException(max.property(), maxBackoff,
					"it must not be shorter than " + initial.property() + " (" + initialBackoff + ")",
					"Set " + max.property() + " to at least " + initialBackoff + ".");
		}
		return new ClientSettings(name, address.value().trim(), timeout, initialBackoff, maxBackoff, prefix);
	}

	/**
	 * Checks an address.
	 * @param property the property it came from
	 * @param address the address
	 * @throws InvalidActorRpcPropertyException if it is malformed
	 */
	public static void validateAddress(String property, String address) {
		String trimmed = address.trim();
		if (trimmed.startsWith(ClientSettings.LOCAL_PREFIX)) {
			if (!ENDPOINT_ID.matcher(trimmed.substring(ClientSettings.LOCAL_PREFIX.length())).matches()) {
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
	 * Checks the values a client entry sets, whether or not a client of that name is used.
	 * @param name the entry's name
	 * @param client the entry
	 * @throws InvalidActorRpcPropertyException naming the first invalid property
	 */
	static void validateEntry(String name, ActorRpcProperties.Client client) {
		String prefix = "actorrpc.clients." + name;
		if (client.getAddress() != null) {
			validateAddress(prefix + ".address", client.getAddress());
		}
		positive(new Resolved<>(prefix + ".timeout", client.getTimeout()), null);
		positive(new Resolved<>(prefix + ".initial-backoff", client.getInitialBackoff()), null);
		positive(new Resolved<>(prefix + ".max-backoff", client.getMaxBackoff()), null);
	}

	private static <T> Resolved<T> resolve(ActorRpcProperties.Client own, ActorRpcProperties.Client defaults,
			String name, String property, Function<ActorRpcProperties.Client, T> getter) {
		T value = (own != null) ? getter.apply(own) : null;
		if (value == null && defaults != null && getter.apply(defaults) != null) {
			return new Resolved<>("actorrpc.clients." + DEFAULT_CLIENT + "." + property, getter.apply(defaults));
		}
		return new Resolved<>("actorrpc.clients." + name + "." + property, value);
	}

	private static Duration positive(Resolved<Duration> resolved, Duration fallback) {
		if (resolved.value() == null) {
			return fallback;
		}
		return RpcServiceSettingsFactory.requirePositive(resolved.property(), resolved.value());
	}

	/** A value and the property it came from. */
	private record Resolved<T>(String property, T value) {
	}

}
