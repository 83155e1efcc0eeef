package org.actorrpc.demo.jobmaster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import org.actorrpc.RpcService;

/**
 * Writes {@code http.port}, {@code rpc.port} and {@code rpc.address} (the address prefix of this
 * process's endpoints) to {@code demo.cluster.ports-file} once the app is ready, atomically, so
 * that {@code demo.sh} and the end-to-end tests can start the app on free ports and read them back.
 * Runs once, on the thread publishing the ready event.
 */
@Component
class PortsFileWriter {

	private final ClusterProperties properties;

	private final RpcService rpcService;

	private final Environment environment;

	PortsFileWriter(ClusterProperties properties, RpcService rpcService, Environment environment) {
		this.properties = properties;
		this.rpcService = rpcService;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void writePorts() {
		Path file = this.properties.getPortsFile();
		if (file == null) {
			return;
		}
		String endpointAddress = this.rpcService.getEndpointAddress("jobmaster");
		String content = "http.port=" + this.environment.getProperty("local.server.port", "") + "\n" + "rpc.port="
				+ this.rpcService.getPort() + "\n" + "rpc.address="
				+ endpointAddress.substring(0, endpointAddress.indexOf("/user/")) + "\n";
		try {
			Path absolute = file.toAbsolutePath();
			Files.createDirectories(absolute.getParent());
			Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
			Files.writeString(temp, content, StandardCharsets.UTF_8);
			Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write demo.cluster.ports-file " + file, ex);
		}
	}

}
