package io.aigenda.app.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every AiGenda service in one JVM: the infrastructure (configured or embedded), then the
 * backend, the ml-controller, the workers and the meeting-controller, each as a separate
 * Spring context wired exactly as in a cluster (messages through the broker, documents
 * through presigned S3 URLs). Only the backend gets database and S3 credentials.
 */
public final class Platform implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PlatformProperties properties;

	private final DataDirectory dataDirectory;

	private final Infrastructure infrastructure;

	private final Deque<ConfigurableApplicationContext> contexts = new ArrayDeque<>();

	private final Map<Service, ConfigurableApplicationContext> byService = new EnumMap<>(Service.class);

	private final Map<Service, List<String>> argumentsByService = new EnumMap<>(Service.class);

	private final String adminToken;

	private final String serviceToken;

	private final List<String> startupLog = new ArrayList<>();

	private final Thread shutdownHook = new Thread(this::close, "aigenda-platform-shutdown");

	private URI backendUrl;

	private MetricsEndpoint metrics;

	private boolean closed;

	private Platform(PlatformProperties properties, DataDirectory dataDirectory, Infrastructure infrastructure,
			String adminToken) {
		this.properties = properties;
		this.dataDirectory = dataDirectory;
		this.infrastructure = infrastructure;
		this.adminToken = adminToken;
		this.serviceToken = randomToken("svc_");
	}

	/**
	 * Binds {@link PlatformProperties} from {@code overrides} (command-line options,
	 * tests), then system properties, then the environment, and starts the platform.
	 */
	public static Platform start(Map<String, ?> overrides) {
		return start(bind(overrides));
	}

	public static PlatformProperties bind(Map<String, ?> overrides) {
		return bind(overrides, System.getenv());
	}

	static PlatformProperties bind(Map<String, ?> overrides, Map<String, String> environmentVariables) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.addFirst(new MapPropertySource("overrides", new LinkedHashMap<>(overrides)));
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new LinkedHashMap<>(environmentVariables)));
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment).bindOrCreate("aigenda", Bindable.of(PlatformProperties.class));
	}

	/**
	 * @throws DataDirectory.InUseException when another platform runs on the same data
	 * folder
	 */
	public static Platform start(PlatformProperties properties) {
		Path dataDir = properties.dataDir().toAbsolutePath();
		DataDirectory dataDirectory = DataDirectory.acquire(dataDir, properties.command());
		String adminToken;
		Infrastructure infrastructure;
		long started = System.nanoTime();
		try {
			adminToken = adminToken(dataDir);
			infrastructure = Infrastructure.start(properties);
		}
		catch (RuntimeException ex) {
			dataDirectory.close();
			throw ex;
		}
		Platform platform = new Platform(properties, dataDirectory, infrastructure, adminToken);
		// Ctrl-C or a TERM signal: stop the services before the database they use, and
		// never leave
		// an embedded PostgreSQL process behind
		Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
		platform.log("infrastructure ready in %s", since(started));
		try {
			platform.startServices();
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	private void startServices() {
		Connections connections = this.infrastructure.connections();
		this.startupLog.add("database: " + connections.database().description());
		this.startupLog.add("broker:   " + brokerDescription());
		this.startupLog.add("storage:  " + connections.s3().description());
		int mlControllerPort = freePort();
		for (Service service : Service.values()) {
			long started = System.nanoTime();
			List<String> arguments = ServiceArguments.of(service, this.properties, connections, this.backendUrl,
					this.serviceToken, this.adminToken, mlControllerPort);
			ConfigurableApplicationContext context = launch(service, arguments);
			this.argumentsByService.put(service, arguments);
			this.contexts.push(context);
			this.byService.put(service, context);
			if (service == Service.BACKEND) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				this.backendUrl = URI.create("http://127.0.0.1:" + port);
				this.dataDirectory.serving(this.backendUrl);
			}
			log("%s started in %s", service.displayName(), since(started));
		}
		if (this.properties.metricsPort() != null) {
			this.metrics = MetricsEndpoint.start(this.properties.address(), this.properties.metricsPort(),
					this::meterRegistries);
			this.startupLog.add("metrics:  " + metricsUrl() + " (every service, one Prometheus target)");
		}
	}

	/**
	 * Each running service's meter registry, by the job name its container has in a
	 * cluster.
	 */
	private synchronized Map<String, PrometheusMeterRegistry> meterRegistries() {
		Map<String, PrometheusMeterRegistry> registries = new LinkedHashMap<>();
		this.byService.forEach((service, context) -> {
			if (context.isActive()) {
				context.getBeanProvider(PrometheusMeterRegistry.class)
					.ifAvailable((registry) -> registries.put(service.configName(), registry));
			}
		});
		return registries;
	}

	/** Where every service's metrics are served as one Prometheus target, if they are. */
	public URI metricsUrl() {
		return (this.metrics != null)
				? URI.create("http://" + this.properties.address() + ":" + this.metrics.port() + MetricsEndpoint.PATH)
				: null;
	}

	/**
	 * A loopback port free now; the ml-controller takes it a few seconds later, after the
	 * backend.
	 */
	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("No free loopback port for the ml-controller: " + ex.getMessage(),
					ex);
		}
	}

	private static ConfigurableApplicationContext launch(Service service, List<String> arguments) {
		try {
			return new SpringApplicationBuilder(service.application())
				.initializers(new EnvironmentIsolation(service.hiddenSettings()))
				.run(arguments.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			throw new PlatformException("The " + service.displayName() + " did not start: " + rootMessage(ex), ex);
		}
	}

	/** A running service's context, for checking how it is wired. */
	public ConfigurableApplicationContext context(Service service) {
		return this.byService.get(service);
	}

	/**
	 * Stops one service and starts it again with the same settings, as a crashed
	 * container comes back in a cluster: what it kept (database, files, queues) survives,
	 * what it held in memory does not.
	 */
	public synchronized void restart(Service service) {
		ConfigurableApplicationContext old = this.byService.get(service);
		old.close();
		ConfigurableApplicationContext fresh = launch(service, this.argumentsByService.get(service));
		this.byService.put(service, fresh);
		// keep the closing order: the fresh context takes the old one's place
		Deque<ConfigurableApplicationContext> ordered = new ArrayDeque<>();
		for (ConfigurableApplicationContext context : this.contexts) {
			ordered.addLast(context == old ? fresh : context);
		}
		this.contexts.clear();
		this.contexts.addAll(ordered);
	}

	/**
	 * The main class and command-line arguments that run one service as an
	 * operating-system process of its own, on this platform's broker and storage, as a
	 * container of a cluster runs it: the same connections and settings its context here
	 * was started with.
	 */
	public List<String> processCommandLine(Service service) {
		List<String> commandLine = new ArrayList<>();
		commandLine.add(service.application().getName());
		commandLine.addAll(this.argumentsByService.get(service));
		return commandLine;
	}

	/** The backend's base URL, e.g. {@code http://127.0.0.1:8080}. */
	public URI backendUrl() {
		return this.backendUrl;
	}

	/**
	 * An API token of the bootstrap administrator, kept in the data folder across runs.
	 */
	public String adminToken() {
		return this.adminToken;
	}

	public PlatformProperties properties() {
		return this.properties;
	}

	/**
	 * Where the services' broker listens (configured or embedded), for tools that watch
	 * the queues from outside the services, as {@code aigenda load} does.
	 */
	public BrokerAddress broker() {
		Connections.Broker broker = this.infrastructure.connections().broker();
		return new BrokerAddress(broker.host(), broker.port(), broker.username(), broker.password(),
				broker.virtualHost(), namespace());
	}

	/**
	 * An AMQP 0-9-1 broker and the credentials the services use on it.
	 *
	 * @param namespace the prefix of the platform's exchanges and queues
	 */
	public record BrokerAddress(String host, int port, String username, String password, String virtualHost,
			String namespace) {
	}

	/** The prefix of every exchange and queue of this platform. */
	public String namespace() {
		return this.properties.namespace();
	}

	/** Where the broker is and which of its queues are this platform's, in one line. */
	public String brokerDescription() {
		return this.infrastructure.connections().broker().description() + ", queues " + namespace() + ".*";
	}

	/** What was started where, one line each, for {@code serve}. */
	public List<String> startupLog() {
		return List.copyOf(this.startupLog);
	}

	/** Closes the services (newest first), then the embedded infrastructure. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (Thread.currentThread() != this.shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is already shutting down and the hook is about to find this
				// platform closed
			}
		}
		if (this.metrics != null) {
			this.metrics.close();
		}
		while (!this.contexts.isEmpty()) {
			ConfigurableApplicationContext context = this.contexts.pop();
			try {
				context.close();
			}
			catch (RuntimeException ex) {
				// keep closing the others; a half-closed platform would hold ports and
				// files
			}
		}
		try {
			this.infrastructure.close();
		}
		finally {
			this.dataDirectory.close();
		}
	}

	private void log(String format, Object... args) {
		this.startupLog.add(String.format(format, args));
	}

	private static String since(long nanoTime) {
		return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(System.nanoTime() - nanoTime).toMillis() / 1000.0);
	}

	/**
	 * The administrator's API token a platform keeps in {@code dataDir}, if one has run
	 * there.
	 */
	public static Optional<String> storedAdminToken(Path dataDir) {
		Path file = dataDir.toAbsolutePath().resolve("admin-token");
		try {
			String token = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
			return token.isEmpty() ? Optional.empty() : Optional.of(token);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String adminToken(Path dataDir) {
		Path file = dataDir.resolve("admin-token");
		try {
			if (Files.isRegularFile(file)) {
				String token = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (!token.isEmpty()) {
					return token;
				}
			}
			Files.createDirectories(dataDir);
			String token = randomToken("agk_");
			Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system; the folder's own permissions protect it
			}
			return token;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the admin token in " + file + ": " + ex.getMessage(), ex);
		}
	}

	static String randomToken(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	static String rootMessage(Throwable ex) {
		for (Throwable link = ex; link != null; link = link.getCause()) {
			// its own message names the port, the root cause only says "Address already
			// in use"
			if (link instanceof PortInUseException && link.getMessage() != null) {
				return link.getMessage();
			}
		}
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return (message != null) ? message.lines().findFirst().orElse(message) : cause.getClass().getSimpleName();
	}

}
