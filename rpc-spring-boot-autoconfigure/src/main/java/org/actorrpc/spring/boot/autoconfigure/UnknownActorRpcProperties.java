package org.actorrpc.spring.boot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Finds {@code actorrpc.*} properties that {@link ActorRpcProperties} has no place for, so that a
 * misspelt key ({@code actorrpc.ask-timout}) is reported instead of silently ignored, together
 * with the nearest valid property. The valid names are derived from {@link ActorRpcProperties}
 * itself (map keys such as client names are free; everything under {@code actorrpc.pekko} is
 * passed to Pekko). Environment variables are not checked: their names cannot be mapped back to
 * one property name unambiguously. Stateless; used once at startup.
 */
final class UnknownActorRpcProperties {

	private static final String PREFIX = "actorrpc";

	/** One segment of any name (a map key). */
	private static final String ANY = "*";

	/** Any number of segments (a map of plain values: everything under it is valid). */
	private static final String REST = "**";

	private static final List<List<String>> KNOWN = knownNames();

	private UnknownActorRpcProperties() {
	}

	/**
	 * Returns the unknown {@code actorrpc.*} properties of the environment, each with the nearest
	 * valid property name or {@code null} when none is close.
	 * @param environment the environment
	 * @return unknown name to suggestion, in property source order
	 */
	static Map<String, String> find(ConfigurableEnvironment environment) {
		Map<String, String> unknown = new LinkedHashMap<>();
		ConfigurationPropertyName root = ConfigurationPropertyName.of(PREFIX);
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof SystemEnvironmentPropertySource
					|| StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())) {
				continue;
			}
			ConfigurationPropertySources.from(source).forEach((configurationSource) -> {
				if (configurationSource instanceof IterableConfigurationPropertySource iterable) {
					iterable.filter(root::isAncestorOf).forEach((name) -> {
						List<String> segments = segments(name);
						if (!isKnown(segments)) {
							unknown.putIfAbsent(name.toString(), nearest(segments));
						}
					});
				}
			});
		}
		return unknown;
	}

	/**
	 * Describes unknown properties for a report, one line each.
	 * @param unknown unknown name to suggestion, as {@link #find} returns them
	 * @return the lines
	 */
	static List<String> describe(Map<String, String> unknown) {
		List<String> lines = new ArrayList<>();
		unknown.forEach((name, suggestion) -> {
			String hint = (suggestion != null) ? ": did you mean '" + suggestion + "'?"
					: " (no property has a similar name)";
			lines.add("'" + name + "' is not an actorrpc property" + hint);
		});
		return lines;
	}

	private static List<String> segments(ConfigurationPropertyName name) {
		List<String> segments = new ArrayList<>();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			if (!name.isNumericIndex(i)) {
				segments.add(name.getElement(i, Form.DASHED));
			}
		}
		return segments;
	}

	private static boolean isKnown(List<String> segments) {
		return KNOWN.stream().anyMatch((known) -> matches(known, segments));
	}

	private static boolean matches(List<String> known, List<String> segments) {
		for (int i = 0; i < known.size(); i++) {
			String expected = known.get(i);
			if (REST.equals(expected)) {
				return segments.size() > i;
			}
			if (i >= segments.size()) {
				return false;
			}
			if (!ANY.equals(expected) && !uniform(expected).equals(uniform(segments.get(i)))) {
				return false;
			}
		}
		return known.size() == segments.size();
	}

	/**
	 * The valid name the user most likely meant: among the plausible candidates, the one that
	 * shares the most leading segments with what was written (so {@code actorrpc.peer.heartbeat}
	 * finds {@code actorrpc.peer.heartbeat-interval}), then the one with the smallest edit
	 * distance. A candidate is plausible when the rest differs by few edits or one is the start of
	 * the other; names under a map of plain values ({@code actorrpc.pekko.*}) only when the map's
	 * own name is misspelt.
	 */
	private static String nearest(List<String> segments) {
		String best = null;
		int bestCommon = -1;
		int bestDistance = Integer.MAX_VALUE;
		for (List<String> known : KNOWN) {
			int rest = known.indexOf(REST);
			if (rest > 0 && (segments.size() <= rest
					|| distance(uniform(segments.get(rest - 1)), uniform(known.get(rest - 1))) > 2)) {
				continue;
			}
			List<String> candidate = instantiate(known, segments);
			int common = 0;
			while (common < Math.min(candidate.size(), segments.size())
					&& uniform(candidate.get(common)).equals(uniform(segments.get(common)))) {
				common++;
			}
			String written = String.join(".", segments.subList(common, segments.size()));
			String offered = String.join(".", candidate.subList(common, candidate.size()));
			int distance = distance(written, offered);
			boolean plausible = distance <= Math.max(2, written.length() / 3) || offered.startsWith(written)
					|| written.startsWith(offered);
			if (plausible && (common > bestCommon || (common == bestCommon && distance < bestDistance))) {
				best = String.join(".", candidate);
				bestCommon = common;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** The known name with the user's map keys (and, under a map of values, the rest) put in. */
	private static List<String> instantiate(List<String> known, List<String> segments) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < known.size(); i++) {
			String part = known.get(i);
			if (REST.equals(part)) {
				parts.addAll(segments.subList(Math.min(i, segments.size()), segments.size()));
				break;
			}
			parts.add(ANY.equals(part) ? ((i < segments.size()) ? segments.get(i) : "<name>") : part);
		}
		return parts;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static String uniform(String segment) {
		return segment.replace("-", "").toLowerCase(Locale.ROOT);
	}

	private static List<List<String>> knownNames() {
		List<List<String>> names = new ArrayList<>();
		collect(ActorRpcProperties.class, List.of(PREFIX), names);
		return List.copyOf(names);
	}

	private static void collect(Class<?> type, List<String> prefix, List<List<String>> names) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || "class".equals(descriptor.getName())) {
				continue;
			}
			List<String> name = new ArrayList<>(prefix);
			name.add(dashed(descriptor.getName()));
			Class<?> propertyType = descriptor.getPropertyType();
			if (Map.class.isAssignableFrom(propertyType)) {
				Class<?> valueType = mapValueType(descriptor.getReadMethod().getGenericReturnType());
				if (isNested(valueType)) {
					name.add(ANY);
					collect(valueType, name, names);
				}
				else {
					name.add(REST);
					names.add(List.copyOf(name));
				}
			}
			else if (isNested(propertyType)) {
				collect(propertyType, name, names);
			}
			else {
				names.add(List.copyOf(name));
			}
		}
	}

	private static boolean isNested(Class<?> type) {
		return type != null && !type.isPrimitive() && !type.isEnum() && !type.isArray()
				&& !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
				&& type.getName().startsWith(ActorRpcProperties.class.getName())
				&& !Duration.class.equals(type) && !DataSize.class.equals(type);
	}

	private static Class<?> mapValueType(Type mapType) {
		if (mapType instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[1] instanceof Class<?> valueType) {
			return valueType;
		}
		return Object.class;
	}

	private static String dashed(String camelCase) {
		StringBuilder dashed = new StringBuilder();
		for (char c : camelCase.toCharArray()) {
			if (Character.isUpperCase(c)) {
				dashed.append('-').append(Character.toLowerCase(c));
			}
			else {
				dashed.append(c);
			}
		}
		return dashed.toString();
	}

}
