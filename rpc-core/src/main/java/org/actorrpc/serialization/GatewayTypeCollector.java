package org.actorrpc.serialization;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;

/**
 * Walks a gateway interface and collects every application class its messages can contain:
 * parameter and return types (the value type of a {@code CompletableFuture}), generic type
 * arguments, record components, fields of plain classes, enum constants with bodies, permitted
 * subclasses of sealed types, array components and the fencing token type. JDK types are left to
 * the {@link BaseRegistrations base set}. Not thread-safe; use one instance per walk.
 */
final class GatewayTypeCollector {

	private final TreeMap<String, Class<?>> collected = new TreeMap<>();

	private final Set<Type> visited = new HashSet<>();

	/**
	 * Collects the classes of one gateway interface.
	 * @param gateway the gateway interface
	 * @return this collector
	 */
	GatewayTypeCollector collectGateway(Class<?> gateway) {
		for (Method method : gateway.getMethods()) {
			if (isInfrastructure(method)) {
				continue;
			}
			for (Type parameter : method.getGenericParameterTypes()) {
				visit(parameter);
			}
			Type returnType = method.getGenericReturnType();
			if (returnType instanceof ParameterizedType parameterized
					&& parameterized.getRawType() == CompletableFuture.class) {
				visit(parameterized.getActualTypeArguments()[0]);
			}
			else if (returnType != void.class && returnType != CompletableFuture.class) {
				visit(returnType);
			}
		}
		if (FencedRpcGateway.class.isAssignableFrom(gateway)) {
			visit(FencingTokens.tokenType(gateway));
		}
		return this;
	}

	/**
	 * Adds a class given explicitly, and what it contains.
	 * @param type the class
	 * @return this collector
	 */
	GatewayTypeCollector collectClass(Class<?> type) {
		add(type);
		visit(type);
		return this;
	}

	/**
	 * Returns the collected application classes, sorted by name.
	 * @return the classes by name
	 */
	TreeMap<String, Class<?>> classes() {
		return this.collected;
	}

	static boolean isInfrastructure(Method method) {
		Class<?> declaring = method.getDeclaringClass();
		return declaring == Object.class || declaring == RpcGateway.class || declaring == FencedRpcGateway.class
				|| method.isDefault() || Modifier.isStatic(method.getModifiers());
	}

	private void visit(Type type) {
		if (type == null || !this.visited.add(type)) {
			return;
		}
		if (type instanceof Class<?> clazz) {
			visitClass(clazz);
		}
		else if (type instanceof ParameterizedType parameterized) {
			visit(parameterized.getRawType());
			for (Type argument : parameterized.getActualTypeArguments()) {
				visit(argument);
			}
		}
		else if (type instanceof GenericArrayType array) {
			visit(array.getGenericComponentType());
		}
		else if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				visit(bound);
			}
			for (Type bound : wildcard.getLowerBounds()) {
				visit(bound);
			}
		}
		else if (type instanceof TypeVariable<?> variable) {
			for (Type bound : variable.getBounds()) {
				visit(bound);
			}
		}
	}

	private void visitClass(Class<?> clazz) {
		if (clazz.isPrimitive() || clazz == Object.class) {
			return;
		}
		if (clazz.isArray()) {
			Class<?> component = clazz.getComponentType();
			if (!BaseRegistrations.isBaseType(clazz)) {
				add(clazz);
			}
			visit(component);
			return;
		}
		if (BaseRegistrations.isJdkType(clazz)) {
			return;
		}
		if (clazz.isEnum()) {
			add(clazz);
			for (Object constant : clazz.getEnumConstants()) {
				if (constant.getClass() != clazz) {
					add(constant.getClass());
				}
			}
			return;
		}
		if (clazz.isSealed()) {
			for (Class<?> permitted : clazz.getPermittedSubclasses()) {
				visit(permitted);
			}
		}
		if (clazz.isInterface() || Modifier.isAbstract(clazz.getModifiers())) {
			visitFields(clazz);
			return;
		}
		add(clazz);
		if (clazz.isRecord()) {
			for (RecordComponent component : clazz.getRecordComponents()) {
				visit(component.getGenericType());
			}
			return;
		}
		visitFields(clazz);
	}

	private void visitFields(Class<?> clazz) {
		for (Class<?> c = clazz; c != null && c != Object.class && !BaseRegistrations.isJdkType(c); c = c
			.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
					visit(field.getGenericType());
				}
			}
		}
	}

	private void add(Class<?> clazz) {
		if (!BaseRegistrations.isBaseType(clazz)) {
			this.collected.put(clazz.getName(), clazz);
		}
	}

}
