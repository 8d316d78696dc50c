package io.aigenda.app.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.aigenda.app.platform.Platform;
import io.aigenda.app.platform.Service;
import io.aigenda.infra.EmbeddedS3;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * One platform for the whole reliability suite, started by the first test class that
 * needs it and stopped when the test run ends: the machine's PostgreSQL (a database of
 * its own), the machine's RabbitMQ (a virtual host of its own, so its connections can be
 * cut without touching anyone else's) and an S3 server on a fixed port that a test may
 * stop and start again.
 */
final class ReliabilityPlatform implements AutoCloseable {

	/** Small enough that an oversized upload is cheap to send. */
	static final long MAX_UPLOAD_BYTES = 32L * 1024 * 1024;

	/**
	 * Bot meetings may name these hosts, so that only the address check stands between
	 * them and the bot.
	 */
	static final String PROBE_HOSTS = "localhost,127.0.0.1,10.1.2.3,169.254.169.254,[::1],[fe80::1],[fd00::1],[::ffff:127.0.0.1],[::ffff:10.0.0.1],[::127.0.0.1],[64:ff9b::a9fe:a9fe],[2002:7f00:1::1],[::]";

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	final String database = "aigenda_reliability_" + this.suffix;

	final String virtualHost = "test-reliability-" + this.suffix;

	final String namespace = "test-" + UUID.randomUUID();

	private final Path dataDir;

	private final Path s3Dir;

	private final String s3AccessKey = "reliability";

	private final String s3SecretKey = UUID.randomUUID().toString();

	private EmbeddedS3 s3;

	private int s3Port;

	Platform platform;

	Api admin;

	private ReliabilityPlatform() throws IOException {
		this.dataDir = Files.createTempDirectory("aigenda-reliability");
		this.s3Dir = this.dataDir.resolve("s3");
	}

	/**
	 * The suite's platform; the extension starts it before the first test class that
	 * asks.
	 */
	static ReliabilityPlatform get(ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(ReliabilityPlatform.class))
			.computeIfAbsent(ReliabilityPlatform.class, key -> start(), ReliabilityPlatform.class);
	}

	private static ReliabilityPlatform start() {
		try {
			ReliabilityPlatform suite = new ReliabilityPlatform();
			try {
				suite.startInfrastructure();
				suite.startPlatform();
			}
			catch (RuntimeException | SQLException ex) {
				// a platform that did not start leaves no virtual host, database or files
				// behind
				try {
					suite.close();
				}
				catch (Exception cleanup) {
					ex.addSuppressed(cleanup);
				}
				throw ex;
			}
			return suite;
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("The reliability platform did not start: " + ex.getMessage(), ex);
		}
	}

	private void startInfrastructure() throws SQLException {
		try (Connection connection = postgres(); Statement statement = connection.createStatement()) {
			statement.execute("create database " + this.database);
		}
		rabbitmqctl("add_vhost", this.virtualHost);
		rabbitmqctl("set_permissions", "-p", this.virtualHost, "guest", ".*", ".*", ".*");
		this.s3 = EmbeddedS3.start(this.s3Dir, 0, this.s3AccessKey, this.s3SecretKey);
		this.s3Port = this.s3.port();
	}

	private void startPlatform() {
		Map<String, Object> settings = new HashMap<>();
		settings.put("aigenda.data-dir", this.dataDir.toString());
		settings.put("aigenda.port", "0");
		settings.put("aigenda.database.url", "jdbc:postgresql://127.0.0.1:5432/" + this.database);
		settings.put("aigenda.database.username", "postgres");
		settings.put("aigenda.broker.host", "127.0.0.1");
		settings.put("aigenda.broker.port", "5672");
		settings.put("aigenda.broker.virtual-host", this.virtualHost);
		settings.put("aigenda.messaging.namespace", this.namespace);
		settings.put("aigenda.s3.endpoint", this.s3.endpoint());
		settings.put("aigenda.s3.access-key", this.s3AccessKey);
		settings.put("aigenda.s3.secret-key", this.s3SecretKey);
		settings.put("aigenda.s3.bucket", "reliability");
		// Backend settings reach its context as system properties, read once while it
		// starts.
		// webhooks may call back into this machine, where the load test counts each
		// meeting's events
		Map<String, String> backend = Map.of("aigenda.backend.upload.max-bytes", String.valueOf(MAX_UPLOAD_BYTES),
				"aigenda.backend.bots.platforms.probe", PROBE_HOSTS, "aigenda.backend.webhooks.allowed-addresses",
				"127.0.0.1",
				// deleted meetings' prefixes are swept often, so a test sees a late write
				// go quickly
				"aigenda.backend.deletion.sweep-interval", "2s");
		backend.forEach(System::setProperty);
		try {
			this.platform = Platform.start(settings);
		}
		finally {
			backend.keySet().forEach(System::clearProperty);
		}
		this.admin = new Api(this.platform.backendUrl(), this.platform.adminToken());
	}

	private String finishedMeeting;

	/**
	 * A meeting of the administrator's organisation, processed once for the whole suite.
	 */
	synchronized String finishedMeeting() throws Exception {
		if (this.finishedMeeting == null) {
			String id = this.admin.createMeeting("Processed for the reliability suite");
			var upload = this.admin.putFile("/api/v1/meetings/" + id + "/recording", "jfk.wav",
					Files.readAllBytes(io.aigenda.app.PlatformFiles.JFK));
			if (upload.statusCode() != 200) {
				throw new IllegalStateException("Upload failed: " + upload.body());
			}
			String state = this.admin.awaitDone(id, Duration.ofMinutes(4)).path("state").asString();
			if (!"PROCESSED".equals(state)) {
				throw new IllegalStateException("The suite's meeting did not process: " + state);
			}
			this.finishedMeeting = id;
		}
		return this.finishedMeeting;
	}

	ConfigurableApplicationContext context(Service service) {
		return this.platform.context(service);
	}

	/** Stops the S3 server: every request to it is refused until {@link #startS3()}. */
	synchronized void stopS3() {
		this.s3.close();
	}

	/** Starts the S3 server again on the same port, over the same files. */
	synchronized void startS3() {
		this.s3 = EmbeddedS3.start(this.s3Dir, this.s3Port, this.s3AccessKey, this.s3SecretKey);
	}

	/**
	 * Closes every client connection in the suite's virtual host, as a broker restart
	 * would.
	 */
	void closeBrokerConnections() {
		rabbitmqctl("close_all_connections", "--vhost", this.virtualHost, "reliability test: connection cut");
	}

	@Override
	public void close() throws SQLException, IOException {
		try {
			if (this.platform != null) {
				this.platform.close();
			}
		}
		finally {
			if (this.s3 != null) {
				this.s3.close();
			}
			rabbitmqctl("delete_vhost", this.virtualHost);
			try (Connection connection = postgres(); Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + this.database + " with (force)");
			}
			org.springframework.util.FileSystemUtils.deleteRecursively(this.dataDir);
		}
	}

	static Connection postgres() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
	}

	Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + this.database, "postgres", "");
	}

	private static void rabbitmqctl(String... arguments) {
		List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("rabbitmqctl is needed for the reliability tests: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts the suite's platform before a test class's own {@code @BeforeAll}, and hands
	 * it to any test or lifecycle method that takes a {@link ReliabilityPlatform}.
	 */
	static final class Extension implements BeforeAllCallback, ParameterResolver {

		@Override
		public void beforeAll(ExtensionContext context) {
			get(context);
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == ReliabilityPlatform.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return get(context);
		}

	}

}
