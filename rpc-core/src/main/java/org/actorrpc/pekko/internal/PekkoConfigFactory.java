package org.actorrpc.pekko.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * Translates {@link PekkoRpcServiceSettings} into Pekko configuration: Artery TCP (or TLS) on the
 * given address, Java serialization off, the transport on actorrpc's event loop, thread pools and
 * Artery's queues sized for a control plane (a process may host hundreds of services), logging through SLF4J, and no JVM shutdown hook (the owner of the service decides when it
 * stops). The settings' raw Pekko config overrides all of it.
 *
 * <p>What every actor system needs to carry an RPC service whatever its configuration (the
 * serializer, its bindings and the two dispatchers) is not generated here: rpc-core's
 * {@code reference.conf} declares it, so Pekko merges it into any actor system on the class path.
 * Stateless.
 */
public final class PekkoConfigFactory {

	/** Id of the dispatcher that runs actorrpc's routing actors. */
	public static final String INLINE_DISPATCHER = "actorrpc.inline-dispatcher";

	/**
	 * Id of the dispatcher that runs the transport: Pekko IO's selector, its TCP connection actors
	 * and Artery's streams share one {@link TransportEventLoop} thread, so the thread the kernel wakes
	 * for a readable socket also reads, decodes and delivers the message.
	 */
	public static final String IO_DISPATCHER = "actorrpc.io-dispatcher";

	/**
	 * Messages Artery queues per connection before it drops one ({@code outbound-message-queue-size}): two windows
	 * of the default {@code FlowControlSettings}, one of calls and one of answers. Raise it through the raw Pekko
	 * configuration of the settings together with the window, or when a service talks to several endpoints of one
	 * remote service at full windows.
	 */
	public static final int OUTBOUND_MESSAGE_QUEUE_SIZE = 2048;

	/**
	 * What {@code outbound-message-queue-size} is set to for a queue of {@link #OUTBOUND_MESSAGE_QUEUE_SIZE}: Artery's
	 * queue rounds the setting up to a power of two, and its envelope pool holds three times the setting, rounded up
	 * likewise. 1,365 gives the 2,048-message queue and a 4,096-slot pool; 2,048 itself would give an 8,192-slot pool.
	 */
	static final int OUTBOUND_MESSAGE_QUEUE_SETTING = OUTBOUND_MESSAGE_QUEUE_SIZE * 2 / 3;

	/** Bytes added to the largest payload for message envelopes, so a payload of exactly the limit fits. */
	static final long FRAME_HEADROOM = 64 * 1024;

	private PekkoConfigFactory() {
	}

	/**
	 * Builds the configuration.
	 * @param settings the settings
	 * @return the Pekko configuration, with Pekko's reference configuration as fallback
	 */
	public static Config create(PekkoRpcServiceSettings settings) {
		Map<String, Object> values = new HashMap<>();
		values.put("pekko.loggers", List.of(QuietSlf4jLogger.class.getName()));
		values.put("pekko.logging-filter", "org.apache.pekko.event.slf4j.Slf4jLoggingFilter");
		values.put("pekko.loglevel", "INFO");
		values.put("pekko.stdout-loglevel", "OFF");
		values.put("pekko.log-dead-letters", "off");
		values.put("pekko.log-dead-letters-during-shutdown", "off");
		values.put("pekko.jvm-exit-on-fatal-error", "off");
		values.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
		// Artery registers a JVM shutdown hook of its own (governed by this setting, not by coordinated shutdown's):
		// on SIGTERM it closed the transport while the application's hook (Spring's context close) was still
		// running its endpoints' onStop, so their goodbye calls were lost. The owner of the service closes it.
		values.put("pekko.jvm-shutdown-hooks", "off");
		// Pekko's remoting events for Java Flight Recorder load JFR at startup (~80 ms on 2 cores).
		values.put("pekko.java-flight-recorder.enabled", "off");
		values.put("pekko.actor.provider", "remote");
		values.put("pekko.actor.allow-java-serialization", "off");
		values.put("pekko.actor.warn-about-java-serializer-usage", "off");
		// actorrpc's own actors run inline or on the transport loop, and endpoints on their own threads: Pekko's
		// pools only carry Pekko's internal actors and Artery's control stream, so one thread per pool on a small
		// machine is enough, and a process hosting many services does not pay 2 + 2 idle threads for each.
		values.put("pekko.actor.default-dispatcher.fork-join-executor.parallelism-min", 1);
		values.put("pekko.actor.default-dispatcher.fork-join-executor.parallelism-factor", 0.5);
		values.put("pekko.actor.default-dispatcher.fork-join-executor.parallelism-max", 4);
		values.put("pekko.actor.internal-dispatcher.fork-join-executor.parallelism-min", 1);
		values.put("pekko.actor.internal-dispatcher.fork-join-executor.parallelism-factor", 0.5);
		values.put("pekko.actor.internal-dispatcher.fork-join-executor.parallelism-max", 4);
		// Pekko's blocking dispatcher runs the blocking DNS lookups of new connections: its default of 16 threads
		// (one more for every lookup until 16 exist) cost every service about 10 threads that idle for a minute.
		values.put("pekko.actor.default-blocking-io-dispatcher.thread-pool-executor.fixed-pool-size", 2);
		values.put("pekko.remote.artery.advanced.use-dispatcher", IO_DISPATCHER);
		values.put("pekko.io.tcp.worker-dispatcher", IO_DISPATCHER);
		values.put("pekko.io.tcp.selector-dispatcher", IO_DISPATCHER);
		values.put("pekko.remote.warn-about-direct-use", "off");
		values.put("pekko.remote.artery.enabled", "on");
		values.put("pekko.remote.artery.transport", (settings.tls() != null) ? "tls-tcp" : "tcp");
		values.put("pekko.remote.artery.canonical.hostname", settings.host());
		values.put("pekko.remote.artery.canonical.port", settings.port());
		values.put("pekko.remote.artery.bind.hostname", settings.effectiveBindAddress());
		values.put("pekko.remote.artery.bind.port", String.valueOf(settings.effectiveBindPort()));
		values.put("pekko.remote.artery.advanced.maximum-frame-size", (settings.maxFrameSize() + FRAME_HEADROOM) + "b");
		values.put("pekko.remote.artery.advanced.buffer-pool-size", 32);
		values.put("pekko.remote.artery.advanced.inbound-lanes", 1);
		values.put("pekko.remote.artery.advanced.outbound-lanes", 1);
		// Artery preallocates this queue per connection (4 bytes a slot) and, per service, an envelope pool of three
		// times the setting rounded up to a power of two (12 bytes a slot): at 4,096 that was 16 KiB per connection
		// and 192 KiB per service (heap histograms of the cluster-scale benchmark), at 2,048 8 and 96 KiB; the setting
		// of 1,365 keeps the 2,048-message queue with a 48 KiB pool. The pool only recycles envelopes (an empty pool
		// allocates one); the queue is what must hold a burst. Flow control bounds what actorrpc puts on a
		// connection to a window per remote endpoint (1,024 messages by default): a full window of calls and a full
		// window of answers to the other side's calls fit (SendQueueCapacityTest); an overflow is never silent
		// (DeadLetterRelay fails the call, or counts the fire-and-forget message as undelivered).
		values.put("pekko.remote.artery.advanced.outbound-message-queue-size", OUTBOUND_MESSAGE_QUEUE_SETTING);
		// Compression replaces actor paths and manifests on the wire by table indexes. Its frequency sketches cost
		// 128 KiB of heap per remote service and table; actorrpc's manifests are one letter, and its actor paths are
		// short, so the heap of a JobMaster with hundreds of connections matters more than the bytes saved. And
		// compression is incorrect for actorrpc: the receiver's table maps a path to the reference it resolved, so a
		// path that callers tried before its endpoint existed (TaskManagers retrying while a JobMaster restarts)
		// stays bound to dead letters after the endpoint started (ConnectAndHandshakeTest shows it).
		values.put("pekko.remote.artery.advanced.compression.actor-refs.max", 0);
		values.put("pekko.remote.artery.advanced.compression.manifests.max", 0);
		values.put("pekko.remote.artery.advanced.idle-cpu-level", 1);
		// Pekko's scheduler thread wakes every tick whether or not a timer is due: at its default of 10 ms, a JVM
		// hosting a hundred services spent a quarter of a core on ticks alone. Its timers here are Artery's (1 s
		// and longer) and the handshake's ask timeout; actorrpc's own timers run on the service's scheduler.
		values.put("pekko.scheduler.tick-duration", "100ms");
		// Its wheel preallocates a task queue per tick (512 by default, 26 KiB per service). A few tasks per service
		// use it, so a smaller wheel costs nothing: tasks beyond one revolution (64 x 100 ms) wait in their slot for
		// more rounds.
		values.put("pekko.scheduler.ticks-per-wheel", 64);
		// Artery's default of 3 s to bind its port failed services started by the hundred in one JVM on a starved
		// 2-core machine; Flink allows an actor system 10 s to start.
		values.put("pekko.remote.artery.bind.bind-timeout", "10s");
		// Likewise its 5 s for the logger actor to answer at start: after 52 of 100 services had started in one JVM
		// on a 2-core machine at load 100, the next failed with "Logger ... did not respond with LoggerInitialized".
		values.put("pekko.logger-startup-timeout", "30s");
		Config generated = ConfigFactory.parseMap(values, "actorrpc settings");
		return settings.pekkoConfig().withFallback(generated).withFallback(ConfigFactory.defaultReference());
	}

}
