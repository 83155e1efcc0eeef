package org.actorrpc.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates key and trust stores with the JDK's {@code keytool} into a directory: self-signed EC
 * certificates for named peers, and trust stores holding chosen peers' certificates.
 */
final class TestCertificates {

	static final String PASSWORD = "changeit";

	private final Path directory;

	TestCertificates(Path directory) {
		this.directory = directory;
	}

	/**
	 * Creates {@code <name>.p12} with a key pair and a self-signed certificate for 127.0.0.1, and
	 * exports the certificate to {@code <name>.cer}.
	 */
	Path keyStore(String name) {
		Path store = this.directory.resolve(name + ".p12");
		keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", store.toString(),
				"-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD, "-file",
				this.directory.resolve(name + ".cer").toString());
		return store;
	}

	/**
	 * Creates {@code <name>.p12} trusting the certificates of the given peers.
	 */
	Path trustStore(String name, String... trustedPeers) {
		Path store = this.directory.resolve(name + ".p12");
		for (String peer : trustedPeers) {
			keytool("-importcert", "-noprompt", "-alias", peer, "-file",
					this.directory.resolve(peer + ".cer").toString(), "-keystore", store.toString(), "-storetype",
					"PKCS12", "-storepass", PASSWORD);
		}
		return store;
	}

	/**
	 * Spring Boot SSL bundle properties for bundle {@code rpc} with the given stores.
	 */
	static String[] bundleProperties(Path keyStore, Path trustStore) {
		String prefix = "spring.ssl.bundle.jks.rpc.";
		return new String[] { prefix + "keystore.location=file:" + keyStore, prefix + "keystore.password=" + PASSWORD,
				prefix + "keystore.type=PKCS12", prefix + "truststore.location=file:" + trustStore,
				prefix + "truststore.password=" + PASSWORD, prefix + "truststore.type=PKCS12",
				"actorrpc.ssl.bundle=rpc" };
	}

	private static void keytool(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("keytool did not finish: " + command);
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("keytool failed (" + process.exitValue() + "): " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run keytool", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
