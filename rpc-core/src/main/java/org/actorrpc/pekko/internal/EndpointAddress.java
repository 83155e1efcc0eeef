package org.actorrpc.pekko.internal;

/**
 * A parsed endpoint address: {@code pekko://<system>@<host>:<port>/user/rpc/<endpointId>}, or
 * {@code pekko://<system>/user/rpc/<endpointId>} for a local-only service.
 *
 * @param authority {@code <system>@<host>:<port>} or {@code <system>}
 * @param host the host, or {@code "localhost"} for a local-only address
 * @param port the port, or -1 for a local-only address
 * @param endpointId the endpoint id
 */
record EndpointAddress(String authority, String host, int port, String endpointId) {

	private static final String SCHEME = "pekko://";

	private static final String PATH = "/user/rpc/";

	static EndpointAddress parse(String address) {
		if (address == null || !address.startsWith(SCHEME)) {
			throw new IllegalArgumentException("malformed address '" + address + "': expected "
					+ "pekko://<system>@<host>:<port>/user/rpc/<endpointId>");
		}
		int path = address.indexOf(PATH, SCHEME.length());
		if (path < 0 || path + PATH.length() >= address.length()) {
			throw new IllegalArgumentException("malformed address '" + address + "': expected the path "
					+ "/user/rpc/<endpointId> after pekko://<system>@<host>:<port>");
		}
		String authority = address.substring(SCHEME.length(), path);
		String endpointId = address.substring(path + PATH.length());
		if (endpointId.contains("/") || authority.isEmpty()) {
			throw new IllegalArgumentException("malformed address '" + address + "'");
		}
		int at = authority.indexOf('@');
		if (at < 0) {
			return new EndpointAddress(authority, "localhost", -1, endpointId);
		}
		String hostPort = authority.substring(at + 1);
		int colon = hostPort.lastIndexOf(':');
		if (colon <= 0 || colon == hostPort.length() - 1) {
			throw new IllegalArgumentException("malformed address '" + address + "': expected <host>:<port> after '@'");
		}
		int port;
		try {
			port = Integer.parseInt(hostPort.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("malformed address '" + address + "': port is not a number");
		}
		String host = hostPort.substring(0, colon);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		return new EndpointAddress(authority, host, port, endpointId);
	}

}
