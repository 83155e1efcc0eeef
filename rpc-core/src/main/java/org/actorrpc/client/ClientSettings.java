package org.actorrpc.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link ReconnectingGateway}. Immutable and thread-safe; create them with
 * {@link #of(String, String)} and adjust them with the {@code with…} methods.
 *
 * @param name the client's name, used in logs, errors and its {@link RpcClientView}
 * @param address the endpoint address, {@code pekko://system@host:port/user/rpc/endpoint-id}, or
 * {@code local:<endpoint-id>} for an endpoint of the service the client connects through
 * @param timeout the default timeout of calls through the client (calls without an
 * {@code @RpcTimeout} argument), and the bound of each connect attempt
 * @param initialBackoff delay before the first reconnect attempt after a failed connect
 * @param maxBackoff upper bound of the delay between reconnect attempts; the delay doubles after
 * every failed attempt up to this bound
 * @param propertyPrefix prefix of the configuration properties these settings were read from
 * (for example {@code actorrpc.clients.jobmaster}), so that errors name the property to change;
 * {@code null} for settings made in code, whose errors name the {@code ClientSettings} component
 */
public record ClientSettings(String name, String address, Duration timeout, Duration initialBackoff,
		Duration maxBackoff, String propertyPrefix) {

	/** Prefix of addresses that name an endpoint of the client's own service by id. */
	public static final String LOCAL_PREFIX = "local:";

	/** Default of {@link #timeout()}. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** Default of {@link #initialBackoff()}. */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

	/** Default of {@link #maxBackoff()}. */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(3);

	/**
	 * Checks the settings.
	 * @throws NullPointerException if a component other than {@code propertyPrefix} is null
	 * @throws IllegalArgumentException if the name or address is blank, a duration is not
	 * positive, or {@code maxBackoff} is shorter than {@code initialBackoff}; the message names
	 * the setting
	 */
	public ClientSettings {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(timeout, "timeout");
		Objects.requireNonNull(initialBackoff, "initialBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		if (name.isBlank()) {
			throw new IllegalArgumentException("The client name must not be blank");
		}
		address = address.trim();
		if (address.isEmpty() || address.equals(LOCAL_PREFIX)) {
			throw new IllegalArgumentException("Client '" + name + "' has no address: set "
					+ setting(propertyPrefix, "address") + " to pekko://<system>@<host>:<port>/user/rpc/<endpoint-id>");
		}
		requirePositive(propertyPrefix, "timeout", timeout);
		requirePositive(propertyPrefix, "initialBackoff", initialBackoff);
		requirePositive(propertyPrefix, "maxBackoff", maxBackoff);
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException(setting(propertyPrefix, "maxBackoff") + " (" + maxBackoff
					+ ") must not be shorter than " + setting(propertyPrefix, "initialBackoff") + " (" + initialBackoff
					+ ")");
		}
	}

	/**
	 * Returns settings with the default timeout and back-off.
	 * @param name the client's name
	 * @param address the endpoint address
	 * @return the settings
	 */
	public static ClientSettings of(String name, String address) {
		return new ClientSettings(name, address, DEFAULT_TIMEOUT, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, null);
	}

	/**
	 * Returns a copy with another timeout.
	 * @param timeout the default call timeout and connect bound
	 * @return the new settings
	 */
	public ClientSettings withTimeout(Duration timeout) {
		return new ClientSettings(this.name, this.address, timeout, this.initialBackoff, this.maxBackoff,
				this.propertyPrefix);
	}

	/**
	 * Returns a copy with another reconnect back-off.
	 * @param initialBackoff delay before the first reconnect attempt
	 * @param maxBackoff bound of the doubling delay
	 * @return the new settings
	 */
	public ClientSettings withBackoff(Duration initialBackoff, Duration maxBackoff) {
		return new ClientSettings(this.name, this.address, this.timeout, initialBackoff, maxBackoff,
				this.propertyPrefix);
	}

	/**
	 * Returns a copy whose errors name configuration properties under the given prefix.
	 * @param propertyPrefix for example {@code actorrpc.clients.jobmaster}
	 * @return the new settings
	 */
	public ClientSettings withPropertyPrefix(String propertyPrefix) {
		return new ClientSettings(this.name, this.address, this.timeout, this.initialBackoff, this.maxBackoff,
				propertyPrefix);
	}

	/**
	 * Whether the address names an endpoint of the client's own service.
	 * @return whether the address is {@code local:<endpoint-id>}
	 */
	public boolean isLocal() {
		return this.address.startsWith(LOCAL_PREFIX);
	}

	/**
	 * Returns the host of a remote address.
	 * @return the host, or {@code ""} for {@code local:} addresses and addresses without host
	 */
	public String host() {
		return hostOf(this.address);
	}

	/** The host of {@code pekko://system@host:port/...}, or {@code ""} without one. */
	static String hostOf(String address) {
		int at = address.indexOf('@');
		int colon = (at < 0) ? -1 : address.indexOf(':', at);
		return (colon < 0) ? "" : address.substring(at + 1, colon);
	}

	/**
	 * Returns how errors name one of these settings: the configuration property when the
	 * settings came from properties, else the record component.
	 * @param component a component name, for example {@code timeout} or {@code maxBackoff}
	 * @return for example {@code actorrpc.clients.jobmaster.timeout} or
	 * {@code ClientSettings.timeout}
	 */
	public String settingName(String component) {
		return setting(this.propertyPrefix, component);
	}

	/**
	 * Returns the delay before the reconnect attempt that follows the given number of failed
	 * attempts: {@code initialBackoff} doubled per failure, at most {@code maxBackoff}.
	 * @param failedAttempts failed attempts in a row, at least 1
	 * @return the delay
	 */
	public Duration backoff(int failedAttempts) {
		Duration delay = this.initialBackoff;
		for (int i = 1; i < failedAttempts && delay.compareTo(this.maxBackoff) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : delay;
	}

	private static String setting(String prefix, String component) {
		if (prefix == null) {
			return "ClientSettings." + component;
		}
		StringBuilder kebab = new StringBuilder(prefix).append('.');
		for (char c : component.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

	private static void requirePositive(String prefix, String component, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(setting(prefix, component) + " must be positive, but is " + value);
		}
	}

}
