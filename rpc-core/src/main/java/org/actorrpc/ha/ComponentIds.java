package org.actorrpc.ha;

import java.util.regex.Pattern;

/**
 * Validates component ids, which implementations use in paths and names.
 */
public final class ComponentIds {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private ComponentIds() {
	}

	/**
	 * Checks a component id.
	 * @param componentId the id
	 * @return the id
	 * @throws IllegalArgumentException if it is null, empty, longer than 128 characters, or has
	 * characters other than letters, digits, {@code .}, {@code _} and {@code -}, or is {@code .} or
	 * {@code ..}
	 */
	public static String requireValid(String componentId) {
		if (componentId == null || !VALID.matcher(componentId).matches() || componentId.equals(".")
				|| componentId.equals("..")) {
			throw new IllegalArgumentException("Invalid component id '" + componentId
					+ "': use 1 to 128 letters, digits, '.', '_' or '-' (for example \"jobmaster\")");
		}
		return componentId;
	}

}
