/**
 * Auto-configuration of the actorrpc RPC service, endpoints and clients for Spring Boot.
 */
package org.actorrpc.spring.boot.autoconfigure;
