package org.actorrpc.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates key and trust stores into a directory: self-signed EC certificates for named peers
 * (with the JDK's {@code keytool}), and trust stores holding chosen peers' certificates.
 */
final class TestCertificates {

	static final String PASSWORD = "changeit";

	private final Path directory;

	TestCertificates(Path directory) {
		this.directory = directory;
	}

	/**
	 * Creates {@code <name>.p12} with a key pair and a self-signed certificate for 127.0.0.1.
	 */
	Path keyStore(String name) {
		Path store = this.directory.resolve(name + ".p12");
		keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", store.toString(),
				"-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
		return store;
	}

	/**
	 * Creates {@code <name>.p12} trusting the certificates of the given peers (whose key stores
	 * were created with {@link #keyStore}).
	 */
	Path trustStore(String name, String... trustedPeers) {
		Path store = this.directory.resolve(name + ".p12");
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			for (String peer : trustedPeers) {
				KeyStore keys = KeyStore.getInstance("PKCS12");
				try (InputStream in = Files.newInputStream(this.directory.resolve(peer + ".p12"))) {
					keys.load(in, PASSWORD.toCharArray());
				}
				trust.setCertificateEntry(peer, keys.getCertificate(peer));
			}
			try (OutputStream out = Files.newOutputStream(store)) {
				trust.store(out, PASSWORD.toCharArray());
			}
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot write trust store " + store, ex);
		}
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
