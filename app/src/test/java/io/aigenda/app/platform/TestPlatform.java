package io.aigenda.app.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.app.client.BackendClient;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in this JVM, for tests: a fresh database on this machine's PostgreSQL, a
 * fresh namespace on its RabbitMQ ({@code test-*}, deleted when the platform closes) and the
 * embedded S3 server in {@code dataDir}. Closing drops the database.
 */
final class TestPlatform implements AutoCloseable {

	private final String database;

	private final Platform platform;

	private TestPlatform(String database, Platform platform) {
		this.database = database;
		this.platform = platform;
	}

	static TestPlatform start(Path dataDir) throws SQLException {
		return start(dataDir, Map.of());
	}

	/** @param settings further {@link PlatformProperties} ({@code aigenda.verbose}...) */
	static TestPlatform start(Path dataDir, Map<String, String> settings) throws SQLException {
		String database = "aigenda_app_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		sql("create database " + database);
		Map<String, Object> properties = new HashMap<>(Map.of("aigenda.data-dir", dataDir.toString(), "aigenda.port",
				"0", "aigenda.database.url", "jdbc:postgresql://127.0.0.1:5432/" + database,
				"aigenda.database.username", "postgres", "aigenda.broker.host", "127.0.0.1", "aigenda.broker.port",
				"5672", "aigenda.messaging.namespace", "test-" + UUID.randomUUID()));
		properties.putAll(settings);
		try {
			return new TestPlatform(database, Platform.start(properties));
		}
		catch (RuntimeException ex) {
			sql("drop database if exists " + database + " with (force)");
			throw ex;
		}
	}

	Platform platform() {
		return this.platform;
	}

	BackendClient client() {
		return new BackendClient(this.platform.backendUrl(), this.platform.adminToken());
	}

	/** Closes the platform, then deletes its queues and exchanges from RabbitMQ and drops its database. */
	@Override
	public void close() throws SQLException {
		List<Declarable> topology = topology();
		try {
			this.platform.close();
		}
		finally {
			try {
				deleteFromRabbitMq(topology);
			}
			finally {
				sql("drop database if exists " + this.database + " with (force)");
			}
		}
	}

	/** What the services declared on the broker, every one in this platform's {@code test-*} namespace. */
	private List<Declarable> topology() {
		List<Declarable> declared = new ArrayList<>();
		for (Service service : Service.values()) {
			ConfigurableApplicationContext context = this.platform.context(service);
			if (context != null && context.isActive()) {
				context.getBeansOfType(Declarables.class)
					.values()
					.forEach(declarables -> declared.addAll(declarables.getDeclarables()));
			}
		}
		return declared;
	}

	/** After the services stopped, so no listener declares a queue again. */
	private static void deleteFromRabbitMq(List<Declarable> topology) {
		CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
		try {
			RabbitAdmin admin = new RabbitAdmin(connections);
			for (Declarable declarable : topology) {
				if (declarable instanceof Queue queue && queue.getName().startsWith("test-")) {
					admin.deleteQueue(queue.getName());
				}
				else if (declarable instanceof Exchange exchange && exchange.getName().startsWith("test-")) {
					admin.deleteExchange(exchange.getName());
				}
			}
		}
		finally {
			connections.destroy();
		}
	}

	private static void sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement s = connection.createStatement()) {
			s.execute(statement);
		}
	}

}
