package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.actorrpc.client.ClientSettings;
import org.actorrpc.ha.ComponentIds;

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
							+ "endpoint of this application; or set " + prefix + ".follow-leader to the id of a "
							+ "leader-elected endpoint to call its current leader.");
		}
		validateAddress(address.property(), address.value());
		return withTimeouts(own, defaults, name, address.value().trim());
	}

	/**
	 * Returns the endpoint id the named client follows the leader of, as set by
	 * {@code actorrpc.clients.<name>.follow-leader}.
	 * @param properties the bound properties
	 * @param name the client name
	 * @return the endpoint id, or {@code null} when the client has a fixed address
	 */
	public static String followedLeader(ActorRpcProperties properties, String name) {
		ActorRpcProperties.Client own = properties.getClients().get(name);
		return (own != null && StringUtils.hasText(own.getFollowLeader())) ? own.getFollowLeader().trim() : null;
	}

	/**
	 * Resolves the timeout and back-off of a client that follows a leader; its address is a
	 * placeholder, replaced by each leader's address.
	 * @param properties the bound properties
	 * @param name the client name
	 * @return the settings
	 * @throws InvalidActorRpcPropertyException if a duration is not positive, or the maximum
	 * back-off is shorter than the initial one
	 */
	public static ClientSettings resolveFollowing(ActorRpcProperties properties, String name) {
		ActorRpcProperties.Client own = properties.getClients().get(name);
		ActorRpcProperties.Client defaults = properties.getClients().get(DEFAULT_CLIENT);
		return withTimeouts(own, defaults, name, "leader of '" + followedLeader(properties, name) + "'");
	}

	private static ClientSettings withTimeouts(ActorRpcProperties.Client own, ActorRpcProperties.Client defaults,
			String name, String address) {
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
		return new ClientSettings(name, address, timeout, initialBackoff, maxBackoff, "actorrpc.clients." + name);
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
		if (client.getFollowLeader() != null) {
			validateFollowLeader(name, client);
		}
		if (client.getAddress() != null) {
			validateAddress(prefix + ".address", client.getAddress());
		}
		positive(new Resolved<>(prefix + ".timeout", client.getTimeout()), null);
		positive(new Resolved<>(prefix + ".initial-backoff", client.getInitialBackoff()), null);
		positive(new Resolved<>(prefix + ".max-backoff", client.getMaxBackoff()), null);
	}

	private static void validateFollowLeader(String name, ActorRpcProperties.Client client) {
		String property = "actorrpc.clients." + name + ".follow-leader";
		if (DEFAULT_CLIENT.equals(name)) {
			throw new InvalidActorRpcPropertyException(property, client.getFollowLeader(),
					"the \"default\" entry only supplies timeouts and back-off to the other clients",
					"Set follow-leader on each client that follows a leader, for example "
							+ "actorrpc.clients.jobmaster.follow-leader=jobmaster.");
		}
		if (client.getAddress() != null) {
			throw new InvalidActorRpcPropertyException(property, client.getFollowLeader(),
					"it excludes actorrpc.clients." + name + ".address (" + client.getAddress()
							+ "): a client either calls a fixed address or follows the leader",
					"Remove one of actorrpc.clients." + name + ".address and " + property + ".");
		}
		try {
			ComponentIds.requireValid(client.getFollowLeader().trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidActorRpcPropertyException(property, client.getFollowLeader(),
					"it is not an endpoint id: " + ex.getMessage(),
					"Set " + property + " to the id of the leader-elected endpoint, for example jobmaster.");
		}
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
