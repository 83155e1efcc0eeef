package org.actorrpc.spring.boot.autoconfigure;

/**
 * An {@code actorrpc.*} property holds a value the node cannot start with. Reported at startup by
 * {@link InvalidActorRpcPropertyFailureAnalyzer} with the property, the value and how to fix it.
 * Immutable.
 */
public class InvalidActorRpcPropertyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final transient Object value;

	private final String reason;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property full property name, for example {@code actorrpc.ask-timeout}
	 * @param value the offending value
	 * @param reason why the value is invalid
	 * @param action how to fix it
	 */
	public InvalidActorRpcPropertyException(String property, Object value, String reason, String action) {
		this(property, value, reason, action, null);
	}

	/**
	 * Creates the exception with a cause.
	 * @param property full property name
	 * @param value the offending value
	 * @param reason why the value is invalid
	 * @param action how to fix it
	 * @param cause the underlying failure
	 */
	public InvalidActorRpcPropertyException(String property, Object value, String reason, String action,
			Throwable cause) {
		super(((value != null) ? "Invalid value '" + value + "' for property '" + property + "'"
				: "Property '" + property + "' is not set") + ": " + reason + ". " + action, cause);
		this.property = property;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Returns the property name.
	 * @return the full property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Returns the invalid value.
	 * @return the value
	 */
	public Object getValue() {
		return this.value;
	}

	/**
	 * Returns why the value is invalid.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Returns how to fix the value.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
