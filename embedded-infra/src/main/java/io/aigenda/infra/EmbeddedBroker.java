package io.aigenda.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An AMQP 0-9-1 broker (Apache Qpid Broker-J) with an in-memory virtual host and the user
 * guest/guest, for running every service in one JVM without a RabbitMQ installation.
 * Messages do not survive a restart; the pipeline state that matters lives in the
 * database.
 */
public final class EmbeddedBroker implements AutoCloseable {

	public static final String USERNAME = "guest";

	public static final String PASSWORD = "guest";

	private static final String CONFIG = """
			{
			  "name": "aigenda",
			  "modelVersion": "9.1",
			  "authenticationproviders": [ {
			    "name": "plain",
			    "type": "Plain",
			    "secureOnlyMechanisms": [],
			    "users": [ { "name": "guest", "type": "managed", "password": "guest" } ]
			  } ],
			  "ports": [ {
			    "name": "AMQP",
			    "port": "${qpid.amqp_port}",
			    "bindingAddress": "127.0.0.1",
			    "protocols": [ "AMQP_0_9_1" ],
			    "authenticationProvider": "plain",
			    "virtualhostaliases": [
			      { "name": "nameAlias", "type": "nameAlias" },
			      { "name": "defaultAlias", "type": "defaultAlias" },
			      { "name": "rabbitDefault", "type": "patternMatchingAlias", "pattern": "/" }
			    ]
			  } ],
			  "virtualhostnodes": [ {
			    "name": "default",
			    "type": "Memory",
			    "defaultVirtualHostNode": "true",
			    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
			  } ]
			}
			""";

	private final SystemLauncher launcher;

	private final int port;

	private EmbeddedBroker(SystemLauncher launcher, int port) {
		this.launcher = launcher;
		this.port = port;
	}

	/**
	 * Starts the broker on {@code port} (0 picks a free one); {@code workDir} holds the
	 * broker's small working files (no messages).
	 */
	public static EmbeddedBroker start(Path workDir, int port) {
		AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
		SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
			@Override
			public void onContainerResolve(SystemConfig<?> config) {
				system.set(config);
			}
		});
		try {
			Files.createDirectories(workDir);
			Path config = workDir.resolve("initial-config.json");
			Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
			Map<String, Object> attributes = new HashMap<>();
			attributes.put(SystemConfig.TYPE, "Memory");
			attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toUri().toString());
			// Without a location the broker reads "classpath:system.properties", a URL
			// scheme that only
			// resolves when Qpid sits on the system class path, not inside the launcher's
			// executable jar.
			Path systemProperties = workDir.resolve("system.properties");
			Files.writeString(systemProperties, "# no broker-wide system properties\n", StandardCharsets.UTF_8);
			attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toUri().toString());
			attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
			attributes.put(SystemConfig.QPID_WORK_DIR, workDir.toAbsolutePath().toString());
			attributes.put("context", Map.of("qpid.amqp_port", String.valueOf(port),
					// no status lines on stdout: the CLI owns the terminal
					SystemConfig.PROPERTY_STATUS_UPDATES, "false"));
			launcher.startup(attributes);
			return new EmbeddedBroker(launcher, boundPort(system.get()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot use broker work folder " + workDir + ": " + ex.getMessage(), ex);
		}
		catch (Exception ex) {
			launcher.shutdown();
			throw new IllegalStateException(
					"Cannot start the embedded AMQP broker on port " + port + ": " + ex.getMessage(), ex);
		}
	}

	private static int boundPort(SystemConfig<?> system) {
		if (system == null) {
			throw new IllegalStateException("the broker did not report its configuration");
		}
		Broker<?> broker = (Broker<?>) system.getContainer(Broker.class);
		return broker.getChildren(Port.class)
			.stream()
			.filter(p -> "AMQP".equals(p.getName()))
			.mapToInt(Port::getBoundPort)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the broker has no AMQP port"));
	}

	public String host() {
		return "127.0.0.1";
	}

	public int port() {
		return this.port;
	}

	public String username() {
		return USERNAME;
	}

	public String password() {
		return PASSWORD;
	}

	@Override
	public void close() {
		this.launcher.shutdown();
	}

}
