/**
 * Implementation, not API: how gateway contracts are derived from gateway interfaces and turned
 * into registration-required Kryo instances that refuse unregistered classes before loading them.
 * Applications influence it only through settings (extra serializable classes).
 */
package org.actorrpc.serialization;
