package org.actorrpc.testutil.netns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts that are really apart, on one Linux machine: a bridge and one network namespace per node,
 * each with its own IPv4 address on a veth pair plugged into the bridge, so every node has its own
 * interfaces, routes and port space, and traffic between nodes crosses real (virtual) links that a
 * test can cut. The root namespace gets the bridge's address ({@code .1}), so the test JVM reaches
 * every node; nodes are {@code .11}, {@code .12}, ….
 *
 * <p>Names carry this JVM's pid and a random suffix ({@code actorrpc-<tag>-<n>} for namespaces,
 * {@code arb-<tag>} for the bridge, {@code arv-<tag>-<n>} for the host ends of the veth pairs), so
 * parallel runs never collide, and leftovers of aborted runs (whose pid is gone) are removed before a
 * new set is created. The subnet is a free {@code 10.237.x.0/24} (or {@code 10.<n>.x.0/24}, see
 * {@link #create(int, String...)}), chosen at random among those the machine does not use. {@link #close()} removes everything, kills what still runs inside the
 * namespaces, and also runs at JVM exit if a test never got to it.
 *
 * <p>Needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN): {@link #create} fails loudly, saying why, when
 * the namespaces cannot be created; it never skips. Every command is bounded
 * ({@link IpCommand#COMMAND_TIMEOUT}). Thread-safe for the link operations (each is one command);
 * create and close from one thread.
 */
public final class NetworkNamespaces implements AutoCloseable {

	/** Prefix of every namespace this fixture creates. */
	static final String NAMESPACE_PREFIX = "actorrpc-";

	/** Subnets are {@code 10.237.x.0/24} unless a suite asks for its own range. */
	private static final int DEFAULT_SECOND_OCTET = 237;

	private static final String BRIDGE_PREFIX = "arb-";

	private static final String VETH_PREFIX = "arv-";

	/** The tag is the creating JVM's pid in base 36, 'x', and two random base-36 characters. */
	private static final Pattern TAG = Pattern.compile("^(?:actorrpc-|arb-|arv-)([0-9a-z]+)x[0-9a-z]{2}(?:-\\d+)?$");

	private final IpCommand ip;

	private final String tag;

	private final String subnet;

	private final String bridge;

	private final Map<String, Namespace> namespaces = new LinkedHashMap<>();

	private final Thread cleanupAtExit = new Thread(this::removeAll, "netns-cleanup");

	private boolean closed;

	private NetworkNamespaces(IpCommand ip, String tag, String subnet) {
		this.ip = ip;
		this.tag = tag;
		this.subnet = subnet;
		this.bridge = BRIDGE_PREFIX + tag;
	}

	/**
	 * Creates the bridge and one namespace per role, each with its own address and its link up.
	 * @param roles names of the nodes, for the test's own reference ({@code "caller"},
	 * {@code "receiver"}, …); at most 200
	 * @return the namespaces
	 * @throws IllegalStateException when {@code ip} is missing and cannot be installed, or when this
	 * machine does not let this user create network namespaces (not root, no permission), saying
	 * which
	 */
	public static NetworkNamespaces create(String... roles) {
		return create(DEFAULT_SECOND_OCTET, roles);
	}

	/**
	 * Creates the bridge and one namespace per role in a free {@code 10.<secondOctet>.x.0/24}: suites
	 * that may run at the same time as another one give themselves a range of their own, so their
	 * subnets can never be the same.
	 * @param secondOctet the second octet of the subnet range, 0 to 255
	 * @param roles names of the nodes; at most 200
	 * @return the namespaces
	 * @throws IllegalStateException as {@link #create(String...)}
	 */
	public static NetworkNamespaces create(int secondOctet, String... roles) {
		if (secondOctet < 0 || secondOctet > 255) {
			throw new IllegalArgumentException("the second octet must be 0 to 255, got " + secondOctet);
		}
		if (roles.length == 0 || roles.length > 200) {
			throw new IllegalArgumentException("between 1 and 200 roles, got " + roles.length);
		}
		IpCommand ip = IpCommand.locate();
		removeStale(ip);
		String tag = Long.toString(ProcessHandle.current().pid(), 36) + "x"
				+ Integer.toString(36 + ThreadLocalRandom.current().nextInt(36 * 35), 36).substring(0, 2);
		NetworkNamespaces nets = new NetworkNamespaces(ip, tag, freeSubnet(ip, "10." + secondOctet));
		Runtime.getRuntime().addShutdownHook(nets.cleanupAtExit);
		try {
			nets.build(roles);
			return nets;
		}
		catch (RuntimeException ex) {
			nets.close();
			throw ex;
		}
	}

	private void build(String[] roles) {
		String first = NAMESPACE_PREFIX + this.tag + "-1";
		IpCommand.Result probe = this.ip.tryRun("netns", "add", first);
		if (probe.exitCode() != 0) {
			throw new IllegalStateException("The network-namespace tests cannot run on this machine: '"
					+ probe.command() + "' failed (" + probe.output().strip() + "). They need to create Linux network "
					+ "namespaces, veth pairs and a bridge, which takes root (CAP_SYS_ADMIN and CAP_NET_ADMIN); this JVM "
					+ "runs as user '" + System.getProperty("user.name") + "'. Run the build as root (or in a container "
					+ "with those capabilities), or leave the integration tests out with -DskipITs.");
		}
		this.ip.run("link", "add", this.bridge, "type", "bridge");
		this.ip.run("addr", "add", this.subnet + ".1/24", "dev", this.bridge);
		this.ip.run("link", "set", this.bridge, "up");
		for (int i = 0; i < roles.length; i++) {
			int n = i + 1;
			String name = NAMESPACE_PREFIX + this.tag + "-" + n;
			if (n > 1) {
				this.ip.run("netns", "add", name);
			}
			String hostEnd = VETH_PREFIX + this.tag + "-" + n;
			Namespace namespace = new Namespace(roles[i], name, this.subnet + "." + (10 + n), hostEnd);
			this.namespaces.put(roles[i], namespace);
			this.ip.run("link", "add", hostEnd, "type", "veth", "peer", "name", "eth0", "netns", name);
			this.ip.run("link", "set", hostEnd, "master", this.bridge, "up");
			this.ip.run("-n", name, "addr", "add", namespace.address() + "/24", "dev", "eth0");
			this.ip.run("-n", name, "link", "set", "eth0", "up");
			this.ip.run("-n", name, "link", "set", "lo", "up");
		}
	}

	/**
	 * Returns the namespace of a role.
	 * @param role the role given to {@link #create}
	 * @return its namespace
	 */
	public Namespace namespace(String role) {
		Namespace namespace = this.namespaces.get(role);
		if (namespace == null) {
			throw new IllegalArgumentException("no namespace for role '" + role + "'; roles: " + this.namespaces.keySet());
		}
		return namespace;
	}

	/** @return the address of the root namespace (the test JVM) on the bridge */
	public String hostAddress() {
		return this.subnet + ".1";
	}

	/**
	 * Returns another address in the nodes' subnet (for address changes).
	 * @param hostNumber 2 to 254, other than the nodes' own
	 * @return the address
	 */
	public String addressInSubnet(int hostNumber) {
		return this.subnet + "." + hostNumber;
	}

	/**
	 * Builds the command line that runs a command inside a namespace ({@code ip netns exec}).
	 * {@code ip netns exec} replaces itself with the command, so the started process is the command.
	 * @param namespace the namespace
	 * @param command the command
	 * @return the full command line
	 */
	public List<String> inside(Namespace namespace, List<String> command) {
		List<String> line = new ArrayList<>(List.of(this.ip.path().toString(), "netns", "exec", namespace.name()));
		line.addAll(command);
		return line;
	}

	/**
	 * Unplugs a node's cable: takes the bridge's end of its veth pair down. The node's own interface
	 * loses its carrier; its packets are dropped without an error to the sender, in both directions.
	 * @param namespace the node
	 */
	public void linkDown(Namespace namespace) {
		this.ip.run("link", "set", namespace.hostEnd(), "down");
	}

	/**
	 * Plugs a node's cable back in.
	 * @param namespace the node
	 */
	public void linkUp(Namespace namespace) {
		this.ip.run("link", "set", namespace.hostEnd(), "up");
	}

	/**
	 * Cuts one direction: adds a blackhole route to {@code to}'s address inside {@code from}, so
	 * {@code from}'s kernel discards every packet it would send to {@code to} (TCP acknowledgements
	 * included), while {@code to}'s packets still arrive at {@code from}.
	 * @param from the node that can no longer send
	 * @param to the node it can no longer reach
	 */
	public void dropPacketsFromTo(Namespace from, Namespace to) {
		this.ip.run("-n", from.name(), "route", "add", "blackhole", to.address() + "/32");
	}

	/**
	 * Undoes {@link #dropPacketsFromTo}.
	 * @param from the node
	 * @param to the node it reaches again
	 */
	public void restorePacketsFromTo(Namespace from, Namespace to) {
		this.ip.run("-n", from.name(), "route", "del", "blackhole", to.address() + "/32");
	}

	/**
	 * Adds an address to a node's interface.
	 * @param namespace the node
	 * @param address an address of {@link #addressInSubnet}
	 */
	public void addAddress(Namespace namespace, String address) {
		this.ip.run("-n", namespace.name(), "addr", "add", address + "/24", "dev", "eth0");
	}

	/**
	 * Removes an address from a node's interface (its own, to make it unreachable there).
	 * @param namespace the node
	 * @param address the address
	 */
	public void removeAddress(Namespace namespace, String address) {
		this.ip.run("-n", namespace.name(), "addr", "del", address + "/24", "dev", "eth0");
	}

	/**
	 * Runs an {@code ip} command inside a namespace and returns its output ({@code ss} is not
	 * needed: {@code ip netns exec} runs any command).
	 * @param namespace the namespace
	 * @param command the command and its arguments
	 * @return its output
	 */
	public String execute(Namespace namespace, String... command) {
		IpCommand.Result result = IpCommand.exec(inside(namespace, List.of(command)), IpCommand.COMMAND_TIMEOUT);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("'" + result.command() + "' failed with exit code " + result.exitCode()
					+ ": " + result.output().strip());
		}
		return result.output();
	}

	/**
	 * Removes the namespaces, the veth pairs and the bridge, after killing what still runs inside.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		removeAll();
		try {
			Runtime.getRuntime().removeShutdownHook(this.cleanupAtExit);
		}
		catch (IllegalStateException ex) {
			// the JVM is exiting; the hook runs or ran
		}
	}

	private void removeAll() {
		remove(this.ip, this.tag);
	}

	private static void remove(IpCommand ip, String tag) {
		for (String name : lines(ip.tryRun("netns", "list").output())) {
			if (name.startsWith(NAMESPACE_PREFIX + tag + "-")) {
				for (String pid : lines(ip.tryRun("netns", "pids", name).output())) {
					ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
				}
				ip.tryRun("netns", "delete", name);
			}
		}
		for (String link : links(ip)) {
			if (link.equals(BRIDGE_PREFIX + tag) || link.startsWith(VETH_PREFIX + tag + "-")) {
				ip.tryRun("link", "delete", link);
			}
		}
	}

	private static void removeStale(IpCommand ip) {
		List<String> names = new ArrayList<>(lines(ip.tryRun("netns", "list").output()));
		names.addAll(links(ip));
		for (String name : names) {
			Matcher matcher = TAG.matcher(name);
			if (!matcher.matches()) {
				continue;
			}
			String tag = name.substring(name.indexOf('-') + 1).replaceFirst("-\\d+$", "");
			long pid = Long.parseLong(matcher.group(1), 36);
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				continue;
			}
			System.out.println("[netns tests] removing " + name + ", left over by an aborted run (pid " + pid + ")");
			remove(ip, tag);
		}
	}

	private static String freeSubnet(IpCommand ip, String range) {
		String used = ip.tryRun("-4", "-o", "addr").output() + ip.tryRun("-4", "route").output();
		int start = ThreadLocalRandom.current().nextInt(256);
		for (int i = 0; i < 256; i++) {
			String candidate = range + "." + ((start + i) % 256);
			if (!used.contains(candidate + ".")) {
				return candidate;
			}
		}
		throw new IllegalStateException("no free " + range + ".x.0/24 subnet on this machine: " + used);
	}

	private static List<String> links(IpCommand ip) {
		List<String> names = new ArrayList<>();
		for (String line : ip.tryRun("-o", "link", "show").output().split("\n")) {
			// "7: arv-abcx1y-1@if2: <BROADCAST,..." -> "arv-abcx1y-1"
			String[] parts = line.split(":\\s+", 3);
			if (parts.length >= 2) {
				String name = parts[1];
				int at = name.indexOf('@');
				names.add((at >= 0) ? name.substring(0, at) : name);
			}
		}
		return names;
	}

	/** @return the first word of every non-empty line ("ip netns list" prints "name (id: 3)") */
	private static List<String> lines(String output) {
		List<String> words = new ArrayList<>();
		for (String line : output.split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty()) {
				int space = trimmed.indexOf(' ');
				words.add((space > 0) ? trimmed.substring(0, space) : trimmed);
			}
		}
		return words;
	}

	/**
	 * One node's namespace.
	 *
	 * @param role the test's name for the node
	 * @param name the namespace's name
	 * @param address the node's IPv4 address
	 * @param hostEnd the bridge's end of its veth pair, in the root namespace
	 */
	public record Namespace(String role, String name, String address, String hostEnd) {

	}

}
