package org.actorrpc.demo.jobmaster.ha;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo JobMaster's job store settings ({@code demo.ha.*}); leader election itself is the
 * starter's ({@code actorrpc.ha.*}). Bound once at startup and only read afterwards.
 */
@ConfigurationProperties("demo.ha")
public class HaProperties {

	/**
	 * Directory of the checkpoint files, with {@code actorrpc.ha.mode=zookeeper} (ZooKeeper keeps
	 * pointers to them); every JobMaster of the cluster must see the same directory. A directory
	 * per cluster id is created inside.
	 */
	private Path storageDir = Path.of("demo-run", "ha-store");

	public Path getStorageDir() {
		return this.storageDir;
	}

	public void setStorageDir(Path storageDir) {
		this.storageDir = storageDir;
	}

}
