package org.actorrpc.pekko.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;
import org.apache.pekko.event.Logging;

/**
 * Tells callers at once that they used the wrong address for this service. Artery drops a
 * connection handshake addressed to another system name or host than this service's own and only
 * logs a warning, so the caller would wait for its whole handshake timeout and learn nothing.
 * This actor listens for that warning on the event stream and answers the caller's service (whose
 * own address the warning names) with an {@link AddressMismatch}, at most once per interval for
 * each caller and wrong address. Runs on the inline dispatcher.
 *
 * <p>It depends on the warning being published: a logging configuration that turns Pekko's
 * {@code org.apache.pekko.remote.artery} loggers below WARN disables it, and callers then wait
 * for their handshake timeout as before.
 */
final class MisaddressedHandshakeDetector extends AbstractActor {

	private static final Pattern DROPPED = Pattern.compile(
			"Dropping Handshake Request from \\[([^#\\]]+)(?:#-?\\d+)?\\] addressed to unknown local address \\[([^\\]]+)\\]");

	private static final long REPLY_INTERVAL_NANOS = 500_000_000L;

	private static final int MAX_CALLERS = 256;

	private final String localAddress;

	private final Map<String, Long> lastReply = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > MAX_CALLERS;
		}

	};

	MisaddressedHandshakeDetector(String localAddress) {
		this.localAddress = localAddress;
	}

	static Props props(String localAddress) {
		return Props.create(MisaddressedHandshakeDetector.class, () -> new MisaddressedHandshakeDetector(localAddress))
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	@Override
	public void preStart() {
		getContext().getSystem().getEventStream().subscribe(getSelf(), Logging.Warning.class);
	}

	@Override
	public void postStop() {
		getContext().getSystem().getEventStream().unsubscribe(getSelf());
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(Logging.Warning.class, this::onWarning).build();
	}

	private void onWarning(Logging.Warning warning) {
		Object message = warning.message();
		if (!(message instanceof String text) || !text.startsWith("Dropping Handshake Request")) {
			return;
		}
		Matcher matcher = DROPPED.matcher(text);
		if (!matcher.find()) {
			return;
		}
		String caller = matcher.group(1);
		String key = caller + " " + matcher.group(2);
		long now = System.nanoTime();
		Long last = this.lastReply.get(key);
		if (last != null && now - last < REPLY_INTERVAL_NANOS) {
			return;
		}
		this.lastReply.put(key, now);
		getContext().getSystem()
			.actorSelection(caller + "/user/rpc")
			.tell(new AddressMismatch(matcher.group(2), this.localAddress), getSelf());
	}

}
