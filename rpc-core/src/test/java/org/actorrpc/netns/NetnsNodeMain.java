package org.actorrpc.netns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;

/**
 * Main class of a node of the network-namespace tests, run inside its own namespace: a service
 * bound to {@code 0.0.0.0} that advertises the namespace's address, with a {@link SequenceEndpoint}
 * ({@code sequence}) and an {@link EchoEndpoint} ({@code echo}). It prints
 * {@code ADDRESS <pekko://system@host:port>} once started, then obeys one command per line on
 * standard input, answering on standard output (a channel no partition touches):
 * <ul>
 * <li>{@code connect <address>}: connects to another node's endpoints; {@code CONNECTED} or
 * {@code ERROR <why>}</li>
 * <li>{@code echo <text>}: one call to the other node's echo endpoint; {@code ECHO <text>} or
 * {@code ERROR <why>}</li>
 * <li>{@code traffic <sender>}: starts sending to the other node's sequence endpoint, every 10 ms
 * two fire-and-forget messages and one call, each with the next number of one sequence. Prints
 * {@code CALL_FAILED ...} for every call that failed after it was sent, {@code REFUSED ...} when
 * sending starts to be refused at once, and {@code RESUMED ...} at the first call answered after
 * failures</li>
 * <li>{@code stats}: {@code STATS <counters>}; {@code stop}: stops the traffic, waits (bounded) for
 * every call's outcome, {@code STOPPED <counters>}</li>
 * <li>{@code report}: what this node's sequence endpoint received, {@code REPORT <report>}</li>
 * </ul>
 * Exits when standard input is closed. Arguments: {@code <systemName> <advertisedHost> <port>
 * <peerUnreachableAfterMillis>}.
 */
public final class NetnsNodeMain {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

	private final PekkoRpcService service;

	private final SequenceEndpoint sequence;

	private final AtomicLong undelivered;

	private SequenceGateway remoteSequence;

	private EchoGateway remoteEcho;

	private Traffic traffic;

	private NetnsNodeMain(PekkoRpcService service, SequenceEndpoint sequence, AtomicLong undelivered) {
		this.service = service;
		this.sequence = sequence;
		this.undelivered = undelivered;
	}

	/**
	 * Runs the node.
	 * @param args system name, advertised host, port, peerUnreachableAfter in milliseconds
	 * @throws Exception if the service cannot start
	 */
	public static void main(String[] args) throws Exception {
		AtomicLong undelivered = new AtomicLong();
		PekkoRpcServiceSettings settings = PekkoRpcServiceSettings.builder()
			.systemName(args[0])
			.host(args[1])
			.port(Integer.parseInt(args[2]))
			.bindAddress("0.0.0.0")
			.askTimeout(CALL_TIMEOUT)
			.peerHeartbeatInterval(Duration.ofMillis(200))
			.peerUnreachableAfter(Duration.ofMillis(Long.parseLong(args[3])))
			.shutdownTimeout(Duration.ofSeconds(5))
			.observer(new RpcObserver() {
				@Override
				public void messagesUndelivered(String recipient, long count) {
					undelivered.addAndGet(count);
				}
			})
			.build();
		PekkoRpcService service = new PekkoRpcService(settings);
		SequenceEndpoint sequence = new SequenceEndpoint(service, "sequence");
		sequence.start();
		new EchoEndpoint(service, "echo").start();
		String address = sequence.getAddress();
		print("ADDRESS " + address.substring(0, address.indexOf("/user/")));
		try {
			new NetnsNodeMain(service, sequence, undelivered).obey();
		}
		finally {
			service.closeAsync().get(15, TimeUnit.SECONDS);
		}
		System.exit(0);
	}

	private void obey() throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			String[] words = line.strip().split(" ", 2);
			try {
				switch (words[0]) {
					case "connect" -> connect(words[1]);
					case "echo" -> print("ECHO " + this.remoteEcho.echo(words[1])
						.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
					case "traffic" -> {
						this.traffic = new Traffic(this.remoteSequence, Integer.parseInt(words[1]), this.undelivered);
						this.traffic.start();
						print("TRAFFIC started");
					}
					case "stats" -> print("STATS " + ((this.traffic != null) ? this.traffic.counters() : "none"));
					case "stop" -> print("STOPPED " + this.traffic.stop());
					case "report" -> print("REPORT " + this.sequence.getSelfGateway(SequenceGateway.class).report()
						.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
					default -> print("ERROR unknown command '" + line + "'");
				}
			}
			catch (Exception ex) {
				print("ERROR " + oneLine(ex));
			}
		}
		if (this.traffic != null) {
			this.traffic.stop();
		}
	}

	private void connect(String address) throws Exception {
		this.remoteSequence = this.service.connect(address + "/user/rpc/sequence", SequenceGateway.class)
			.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		this.remoteEcho = this.service.connect(address + "/user/rpc/echo", EchoGateway.class)
			.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		print("CONNECTED " + address);
	}

	static synchronized void print(String line) {
		System.out.println(line);
		System.out.flush();
	}

	static String oneLine(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof java.util.concurrent.ExecutionException
				|| cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return "type=" + cause.getClass().getName() + " msg=" + String.valueOf(cause.getMessage()).replace('\n', ' ');
	}

	/**
	 * The sending loop of {@code traffic}: one thread, so the order it sends in is the order the
	 * receiver must see. Stops by itself after ten minutes.
	 */
	private static final class Traffic {

		private static final long MAX_RUN_NANOS = TimeUnit.MINUTES.toNanos(10);

		private final SequenceGateway gateway;

		private final int sender;

		private final AtomicLong undelivered;

		private final long undeliveredBefore;

		private final AtomicLong attempted = new AtomicLong();

		private final AtomicLong refused = new AtomicLong();

		private final AtomicLong callsOk = new AtomicLong();

		private final AtomicLong callsFailed = new AtomicLong();

		private final AtomicLong outstanding = new AtomicLong();

		private final AtomicBoolean failing = new AtomicBoolean();

		private final AtomicBoolean refusing = new AtomicBoolean();

		private final Thread thread;

		private volatile boolean running = true;

		Traffic(SequenceGateway gateway, int sender, AtomicLong undelivered) {
			this.gateway = gateway;
			this.sender = sender;
			this.undelivered = undelivered;
			this.undeliveredBefore = undelivered.get();
			this.thread = new Thread(this::run, "traffic-" + sender);
		}

		void start() {
			this.thread.start();
		}

		private void run() {
			long sequence = 0;
			long until = System.nanoTime() + MAX_RUN_NANOS;
			while (this.running && System.nanoTime() < until) {
				for (int i = 0; i < 2; i++) {
					this.attempted.incrementAndGet();
					try {
						this.gateway.record(this.sender, sequence++);
						this.refusing.set(false);
					}
					catch (RpcRuntimeException ex) {
						refused("record", ex);
					}
				}
				long seq = sequence++;
				long sentAt = System.nanoTime();
				this.attempted.incrementAndGet();
				this.outstanding.incrementAndGet();
				CompletableFuture<Long> call = this.gateway.call(this.sender, seq);
				call.whenComplete((value, failure) -> outcome(seq, sentAt, failure));
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
			}
		}

		private void outcome(long seq, long sentAt, Throwable failure) {
			try {
				if (failure == null) {
					this.callsOk.incrementAndGet();
					this.refusing.set(false);
					if (this.failing.compareAndSet(true, false)) {
						print("RESUMED seq=" + seq);
					}
					return;
				}
				this.failing.set(true);
				String what = oneLine(failure);
				if (what.contains("msg=Could not send")) {
					refused("call", failure);
				}
				else {
					this.callsFailed.incrementAndGet();
					print("CALL_FAILED seq=" + seq + " sentAgoMs="
							+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt) + " " + what);
				}
			}
			finally {
				this.outstanding.decrementAndGet();
			}
		}

		private void refused(String kind, Throwable failure) {
			this.refused.incrementAndGet();
			this.failing.set(true);
			if (this.refusing.compareAndSet(false, true)) {
				print("REFUSED kind=" + kind + " " + oneLine(failure));
			}
		}

		String counters() {
			return "attempted=" + this.attempted.get() + " refused=" + this.refused.get() + " callsOk="
					+ this.callsOk.get() + " callsFailed=" + this.callsFailed.get() + " outstanding="
					+ this.outstanding.get() + " undelivered=" + (this.undelivered.get() - this.undeliveredBefore);
		}

		String stop() throws InterruptedException {
			this.running = false;
			this.thread.join(TimeUnit.SECONDS.toMillis(30));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (this.outstanding.get() > 0 && System.nanoTime() < deadline) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			}
			return counters();
		}

	}

}
