/**
 * Micrometer Observation (tracing) for actorrpc calls.
 */
package org.actorrpc.spring.boot.autoconfigure.observation;
