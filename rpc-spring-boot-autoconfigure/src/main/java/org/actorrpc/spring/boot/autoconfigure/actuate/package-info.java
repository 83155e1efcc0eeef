/**
 * The {@code actorrpc} Actuator endpoint.
 */
package org.actorrpc.spring.boot.autoconfigure.actuate;
