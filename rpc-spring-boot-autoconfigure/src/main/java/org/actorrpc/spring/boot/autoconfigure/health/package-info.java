/**
 * The {@code actorrpc} health contributor.
 */
package org.actorrpc.spring.boot.autoconfigure.health;
