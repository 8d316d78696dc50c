package io.aigenda.app.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.aigenda.infra.EmbeddedBroker;
import io.aigenda.infra.EmbeddedDatabase;
import io.aigenda.infra.EmbeddedS3;

/**
 * Provides PostgreSQL, an AMQP broker and S3: the configured ones, or embedded ones
 * started here (in parallel, they take a few seconds each) and stopped on
 * {@link #close()}.
 */
final class Infrastructure implements AutoCloseable {

	static final String DATABASE = "aigenda";

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private Connections connections;

	private Infrastructure() {
	}

	static Infrastructure start(PlatformProperties properties) {
		Infrastructure infrastructure = new Infrastructure();
		ExecutorService executor = Executors.newFixedThreadPool(3, Thread.ofPlatform().name("infra-", 0).factory());
		try {
			Path dataDir = properties.dataDir().toAbsolutePath();
			CompletableFuture<Connections.Database> database = supply(executor,
					() -> infrastructure.database(properties.database(), dataDir));
			CompletableFuture<Connections.Broker> broker = supply(executor,
					() -> infrastructure.broker(properties.broker(), dataDir));
			CompletableFuture<Connections.S3> s3 = supply(executor, () -> infrastructure.s3(properties.s3(), dataDir));
			CompletableFuture.allOf(database, broker, s3).join();
			infrastructure.connections = new Connections(database.join(), broker.join(), s3.join());
			return infrastructure;
		}
		catch (CompletionException ex) {
			infrastructure.close();
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
		catch (RuntimeException ex) {
			infrastructure.close();
			throw ex;
		}
		finally {
			executor.shutdown();
		}
	}

	private static <T> CompletableFuture<T> supply(ExecutorService executor, Supplier<T> supplier) {
		return CompletableFuture.supplyAsync(supplier, executor);
	}

	Connections connections() {
		return this.connections;
	}

	private Connections.Database database(PlatformProperties.Database settings, Path dataDir) {
		if (settings.configured()) {
			return new Connections.Database(settings.url(), settings.username(), settings.password(),
					"PostgreSQL " + settings.url());
		}
		Path folder = dataDir.resolve("postgres");
		EmbeddedDatabase database = register(EmbeddedDatabase.start(folder, 0));
		createDatabaseIfMissing(database);
		return new Connections.Database(database.jdbcUrl(DATABASE), database.username(), database.password(),
				"embedded PostgreSQL on port " + database.port() + " (" + folder + ")");
	}

	private static void createDatabaseIfMissing(EmbeddedDatabase database) {
		try (Connection connection = database.dataSource("postgres").getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("create database " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database '" + DATABASE + "': " + ex.getMessage(), ex);
		}
	}

	private Connections.Broker broker(PlatformProperties.Broker settings, Path dataDir) {
		if (settings.configured()) {
			return new Connections.Broker(settings.host(), settings.port(), settings.username(), settings.password(),
					settings.effectiveVirtualHost(), false,
					"AMQP broker " + settings.host() + ":" + settings.port() + virtualHost(settings));
		}
		if (!settings.embedded() && accepts("127.0.0.1", settings.port())) {
			return new Connections.Broker("127.0.0.1", settings.port(), settings.username(), settings.password(),
					settings.effectiveVirtualHost(), false,
					"RabbitMQ on 127.0.0.1:" + settings.port() + virtualHost(settings));
		}
		EmbeddedBroker broker = register(EmbeddedBroker.start(dataDir.resolve("broker"), 0));
		return new Connections.Broker(broker.host(), broker.port(), broker.username(), broker.password(), "/", true,
				"embedded AMQP broker on port " + broker.port() + " (messages kept in memory)");
	}

	private static String virtualHost(PlatformProperties.Broker settings) {
		return settings.virtualHostConfigured() ? ", virtual host " + settings.virtualHost() : "";
	}

	private static boolean accepts(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Connections.S3 s3(PlatformProperties.S3 settings, Path dataDir) {
		if (settings.configured()) {
			return new Connections.S3(settings.endpoint(), settings.region(), settings.accessKey(),
					settings.secretKey(), settings.bucket(), "S3 " + settings.endpoint());
		}
		Path folder = dataDir.resolve("s3");
		EmbeddedS3 s3 = register(EmbeddedS3.start(folder, 0));
		return new Connections.S3(s3.endpoint(), settings.region(), s3.accessKey(), s3.secretKey(), settings.bucket(),
				"embedded S3 on " + s3.endpoint() + " (" + folder + ")");
	}

	private synchronized <T extends AutoCloseable> T register(T resource) {
		this.started.push(resource);
		return resource;
	}

	@Override
	public synchronized void close() {
		RuntimeException failure = null;
		while (!this.started.isEmpty()) {
			try {
				this.started.pop().close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = new IllegalStateException(
							"Stopping the embedded infrastructure failed: " + ex.getMessage(), ex);
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
