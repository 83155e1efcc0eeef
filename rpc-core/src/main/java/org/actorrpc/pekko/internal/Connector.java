package org.actorrpc.pekko.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pekko.actor.ActorPath;
import org.apache.pekko.actor.ActorPaths;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSelection;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.pattern.AskTimeoutException;
import org.apache.pekko.pattern.Patterns;

import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.internal.endpoint.ConnectChecks;
import org.actorrpc.internal.endpoint.Fence;

/**
 * The caller's side of a service: turns an address into a gateway proxy. An address of this
 * service yields a {@link LocalGatewayHandler} (no network); any other address must be a valid actor
 * path (or fails at once), and is resolved, its port probed (so a refused connection fails at once,
 * and a silent host within Artery's connect timeout, saying so), and the handshake run
 * (protocol version, gateway and serialization contract) before a {@link RemoteGatewayHandler} is
 * returned. A remote that reports the address as not its own ({@link AddressMismatch}) fails the
 * handshake at once, naming the address to use. Also builds self gateways. Thread-safe.
 */
final class Connector {

	/**
	 * How often an unanswered handshake is sent again: Artery's outbound-restart-backoff, the time its stream
	 * takes to come back after the connection broke under a request.
	 */
	private static final long HANDSHAKE_RESEND_MILLIS = 1000;

	/** Artery's own bound on a TCP connect, which the port probe shares. */
	static final String CONNECTION_TIMEOUT = "pekko.remote.artery.advanced.tcp.connection-timeout";

	private final ServiceContext context;

	private final ExtendedActorSystem system;

	private final EndpointRegistry registry;

	private final PeerMonitor peers;

	private final String authority;

	private final PendingHandshakes pendingHandshakes;

	/**
	 * How long the probe of a remote port may take before the connect fails as unreachable: as long as Artery
	 * itself waits for a TCP connect (5 s by default), never longer than the handshake's ask timeout. Not shorter:
	 * a listener whose accept queue is full (hundreds of services connecting to one JobMaster at once) drops
	 * the SYN, and the kernel sends it again only after a second, then three.
	 */
	private final int probeTimeoutMillis;

	Connector(ServiceContext context, ExtendedActorSystem system, EndpointRegistry registry, PeerMonitor peers,
			PendingHandshakes pendingHandshakes) {
		this.context = context;
		this.system = system;
		this.registry = registry;
		this.peers = peers;
		this.pendingHandshakes = pendingHandshakes;
		String prefix = context.addressPrefix();
		this.authority = prefix.substring(prefix.indexOf("://") + 3);
		long connectMillis = system.settings().config().getDuration(CONNECTION_TIMEOUT).toMillis();
		this.probeTimeoutMillis = (int) Math.max(1, Math.min(connectMillis, context.settings().askTimeout().toMillis()));
	}

	/**
	 * Connects to an endpoint.
	 * @param address the endpoint address
	 * @param gateway the gateway interface
	 * @param fence the fence every message of the gateway carries
	 * @param defaults the gateway's default timeout and where it came from
	 * @param <C> gateway type
	 * @return a future of the gateway proxy
	 */
	<C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> gateway, Fence fence,
			CallDefaults defaults) {
		EndpointAddress parsed;
		GatewayModel model;
		try {
			parsed = EndpointAddress.parse(address);
			model = this.context.models().of(gateway);
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(failure(address, ex.getMessage(), ex));
		}
		if (parsed.authority().equals(this.authority)) {
			return connectLocally(address, parsed, gateway, model, fence, defaults);
		}
		if (!this.context.remoteEnabled()) {
			return CompletableFuture.failedFuture(failure(address,
					"this service is local only and cannot reach other services", null));
		}
		ActorPath path = actorPath(address);
		if (path == null) {
			return CompletableFuture.failedFuture(failure(address, "it is not a valid actor path: the system name, "
					+ "host and endpoint id must be valid in a URI (no spaces, no '_' in a host name)", null));
		}
		return CompletableFuture.supplyAsync(() -> probe(address, parsed, this.probeTimeoutMillis),
				this.context.callbackExecutor())
			.thenCompose((ignored) -> handshake(address, path, gateway, model, fence, defaults));
	}

	/**
	 * Parses an address as Pekko parses it when it resolves a string, or returns {@code null} where that
	 * resolves to dead letters (the handshake would then go unanswered until the ask timeout). The lookup
	 * itself then takes the path: Pekko's string lookup creates a 1,024-entry cache (16 KiB) per actor system
	 * on every thread that calls it, and connects run on any of the callback threads.
	 */
	private static ActorPath actorPath(String address) {
		try {
			return ActorPaths.fromString(address);
		}
		catch (Exception ex) {
			// MalformedURLException, which the Scala method does not declare
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private <C extends RpcGateway> CompletableFuture<C> connectLocally(String address, EndpointAddress parsed,
			Class<C> gateway, GatewayModel model, Fence fence, CallDefaults defaults) {
		EndpointServer server = this.registry.lookup(parsed.endpointId());
		if (server == null || server.isTerminated()) {
			return CompletableFuture.failedFuture(failure(address,
					"no endpoint with id '" + parsed.endpointId() + "' is registered in this service.", null));
		}
		HandshakeException unsupported = ConnectChecks.unsupportedGateway(gateway, server.endpoint());
		if (unsupported != null) {
			return CompletableFuture.failedFuture(unsupported);
		}
		LocalGatewayHandler handler = new LocalGatewayHandler(this.context, server, new GatewayModel[] { model },
				fence, defaults);
		return CompletableFuture.completedFuture(
				(C) Proxy.newProxyInstance(gateway.getClassLoader(), new Class<?>[] { gateway }, handler));
	}

	/** Resolves the host and opens (and closes) one TCP connection to the port; callback thread. */
	private static Void probe(String address, EndpointAddress parsed, int timeoutMillis) {
		InetAddress host;
		try {
			host = InetAddress.getByName(parsed.host());
		}
		catch (UnknownHostException ex) {
			throw new CompletionException(failure(address, "unknown host " + parsed.host(), ex));
		}
		if (parsed.port() <= 0) {
			return null;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, parsed.port()), timeoutMillis);
			return null;
		}
		catch (ConnectException ex) {
			throw new CompletionException(failure(address, "connection refused by " + parsed.host() + ":"
					+ parsed.port() + ": no RpcService listens there (it is not started yet, stopped, or the port is "
					+ "wrong)", ex));
		}
		catch (SocketTimeoutException ex) {
			throw new CompletionException(failure(address, parsed.host() + ":" + parsed.port()
					+ " is unreachable: no answer to a TCP connect within " + timeoutMillis
					+ " ms (host down, or a firewall drops the packets; the bound is " + CONNECTION_TIMEOUT + ")", ex));
		}
		catch (IOException ex) {
			throw new CompletionException(failure(address, parsed.host() + ":" + parsed.port()
					+ " is unreachable: " + ex.getMessage(), ex));
		}
	}

	@SuppressWarnings("unchecked")
	private <C extends RpcGateway> CompletableFuture<C> handshake(String address, ActorPath path, Class<C> gateway,
			GatewayModel model, Fence fence, CallDefaults defaults) {
		ActorRef target = this.system.provider().resolveActorRef(path);
		HandshakeRequest request = new HandshakeRequest(gateway.getName(), ServiceContext.PROTOCOL_VERSION,
				model.contract.fingerprint(), model.contract.descriptors(), fence.isFenced());
		Duration timeout = this.context.settings().askTimeout();
		// Sent by selection, not to the resolved ref: after a graceful close of the service at this address,
		// Artery quarantines that incarnation and drops every message sent there except a selection, which is
		// how a new incarnation at the same address (a restarted JobMaster) gets its handshake.
		ActorSelection selection = this.system.actorSelection(target.path());
		ActorRef[] replyTo = new ActorRef[1];
		CompletableFuture<Object> answer = Patterns.askWithReplyTo(selection, (ref) -> {
			replyTo[0] = ref;
			return request;
		}, timeout).toCompletableFuture();
		resendUntilAnswered(selection, request, replyTo[0], answer);
		this.pendingHandshakes.track(target.path().address().toString(), answer);
		return answer.handle((reply, failure) -> {
			if (failure != null) {
				Throwable cause = RpcExceptions.stripCompletion(failure);
				String reason = (cause instanceof PendingHandshakes.AddressMismatchException) ? cause.getMessage()
						: (cause instanceof TimeoutException || cause instanceof AskTimeoutException)
						? "the port accepts connections, but no actorrpc service answered the handshake within "
								+ timeout.toMillis() + " ms (actorrpc.ask-timeout). Check the system name in the "
								+ "address: '" + target.path().address().system() + "' must be the remote service's "
								+ "system name (actorrpc.system-name, which defaults to spring.application.name)"
						: cause.getMessage();
				boolean mismatch = cause instanceof PendingHandshakes.AddressMismatchException;
				throw new CompletionException(failure(address, reason, mismatch ? null : cause));
			}
			if (!(reply instanceof HandshakeResponse response)) {
				String why = (reply instanceof UndecodableMessage undecodable) ? undecodable.reason()
						: "unexpected " + reply.getClass().getName();
				throw new CompletionException(failure(address, "its handshake answer could not be decoded: " + why,
						null));
			}
			Peer peer = this.peers.peerFor(target.path().address());
			this.peers.heard(peer);
			this.peers.incarnation(peer, response.incarnation());
			if (response.code() == HandshakeResponse.REFUSED) {
				throw new CompletionException(new HandshakeException(response.error()));
			}
			if (response.code() == HandshakeResponse.NO_ENDPOINT) {
				throw new CompletionException(failure(address, response.error(), null));
			}
			String endpointId = target.path().name();
			OutboundFlow flow = peer.flow(endpointId, address, target);
			RemoteGatewayHandler handler = new RemoteGatewayHandler(this.context, address, model, peer, this.peers,
					target, flow, fence, defaults);
			return (C) Proxy.newProxyInstance(gateway.getClassLoader(), new Class<?>[] { gateway }, handler);
		});
	}

	/**
	 * Sends the handshake again every {@link #HANDSHAKE_RESEND_MILLIS} until it is answered or times out. Artery
	 * sends at most once: a request taken by an outbound stream whose connection just broke (the remote
	 * restarting at the same address) is gone, and waiting out the ask timeout for it would stall a connect that
	 * a second attempt completes at once. The remote answers every copy; the copies after the first answer find
	 * the ask completed and are dropped.
	 */
	private void resendUntilAnswered(ActorSelection selection, HandshakeRequest request, ActorRef replyTo,
			CompletableFuture<Object> answer) {
		if (replyTo == null || answer.isDone()) {
			return;
		}
		ScheduledFuture<?> resend = this.context.scheduler().scheduleWithFixedDelay(() -> {
			if (!answer.isDone()) {
				selection.tell(request, replyTo);
			}
		}, HANDSHAKE_RESEND_MILLIS, HANDSHAKE_RESEND_MILLIS, TimeUnit.MILLISECONDS);
		answer.whenComplete((reply, failure) -> resend.cancel(false));
	}

	private static RpcConnectionException failure(String address, String reason, Throwable cause) {
		return new RpcConnectionException("Could not connect to rpc endpoint under address " + address + ": "
				+ reason, cause);
	}

	/**
	 * Returns a gateway bound to a local endpoint that implements every gateway of the endpoint and
	 * {@link RpcServer}.
	 * @param type the requested gateway type
	 * @param server the endpoint's server
	 * @param <C> gateway type
	 * @return the self gateway
	 */
	@SuppressWarnings("unchecked")
	<C extends RpcGateway> C selfGateway(Class<C> type, EndpointServer server) {
		Class<?>[] interfaces = ConnectChecks.selfGatewayInterfaces(type, server.endpoint(), server.gateways());
		List<GatewayModel> gatewayModels = new ArrayList<>();
		for (Class<? extends RpcGateway> gateway : server.gateways()) {
			gatewayModels.add(this.context.models().of(gateway));
		}
		// null fence: the self gateway sends the endpoint's current token, which may follow leadership
		LocalGatewayHandler handler = new LocalGatewayHandler(this.context, server,
				gatewayModels.toArray(GatewayModel[]::new), null, CallDefaults.of(this.context.settings()));
		return (C) Proxy.newProxyInstance(server.endpoint().getClass().getClassLoader(), interfaces, handler);
	}

}
