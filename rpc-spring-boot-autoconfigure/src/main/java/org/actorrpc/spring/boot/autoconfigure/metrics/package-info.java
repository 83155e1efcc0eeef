/**
 * Micrometer metrics for actorrpc.
 */
package org.actorrpc.spring.boot.autoconfigure.metrics;
