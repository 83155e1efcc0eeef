package org.actorrpc.pekko.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection handshakes a service is waiting for, by the remote address they were sent to,
 * so that an {@link AddressMismatch} from that host fails them at once instead of after the
 * handshake timeout. Thread-safe.
 */
final class PendingHandshakes {

	private final Map<String, Set<CompletableFuture<?>>> byAddress = new ConcurrentHashMap<>();

	/**
	 * Tracks a handshake until its reply future completes.
	 * @param remoteAddress the address it was sent to ({@code pekko://name@host:port})
	 * @param reply the reply future
	 */
	void track(String remoteAddress, CompletableFuture<?> reply) {
		this.byAddress.computeIfAbsent(remoteAddress, (key) -> ConcurrentHashMap.newKeySet()).add(reply);
		reply.whenComplete((ignored, failure) -> this.byAddress.computeIfPresent(remoteAddress, (key, replies) -> {
			replies.remove(reply);
			return replies.isEmpty() ? null : replies;
		}));
	}

	/**
	 * Fails the handshakes sent to the address the mismatch names, if it came from the host and
	 * port they were sent to.
	 * @param mismatch the remote's report
	 * @param senderAddress the address of the service that reported it
	 */
	void reject(AddressMismatch mismatch, String senderAddress) {
		if (!senderAddress.equals(mismatch.actualAddress())) {
			return;
		}
		Set<CompletableFuture<?>> replies = this.byAddress.get(mismatch.addressedAs());
		if (replies == null) {
			return;
		}
		AddressMismatchException failure = new AddressMismatchException(describe(mismatch));
		for (CompletableFuture<?> reply : replies) {
			reply.completeExceptionally(failure);
		}
	}

	static String describe(AddressMismatch mismatch) {
		Authority used = Authority.of(mismatch.addressedAs());
		Authority actual = Authority.of(mismatch.actualAddress());
		StringBuilder text = new StringBuilder("the service listening at ").append(used.hostPort());
		if (!used.system().equals(actual.system())) {
			text.append(" is named '").append(actual.system()).append("', not '").append(used.system())
				.append("' (its actorrpc.system-name, which defaults to its spring.application.name)");
		}
		if (!used.hostPort().equals(actual.hostPort())) {
			text.append(used.system().equals(actual.system()) ? "" : ", and it")
				.append(" advertises itself as ").append(actual.hostPort())
				.append(" (its actorrpc.host), so it must be addressed under that host");
		}
		return text.append(". Use the address ").append(mismatch.actualAddress()).append("/user/rpc/<endpoint id>")
			.toString();
	}

	/** The parts of {@code pekko://system@host:port}. */
	private record Authority(String system, String hostPort) {

		static Authority of(String address) {
			int scheme = address.indexOf("://");
			String rest = (scheme >= 0) ? address.substring(scheme + 3) : address;
			int at = rest.indexOf('@');
			return (at < 0) ? new Authority(rest, "") : new Authority(rest.substring(0, at), rest.substring(at + 1));
		}

	}

	/** The handshake went to an address under which the remote does not answer. */
	static final class AddressMismatchException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		AddressMismatchException(String message) {
			super(message, null, false, false);
		}

	}

}
