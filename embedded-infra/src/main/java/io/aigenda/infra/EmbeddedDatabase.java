package io.aigenda.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server started from binaries bundled on the classpath, keeping its data in
 * a local folder so meetings survive restarts. Connects as the superuser {@code postgres}
 * without a password, on the loopback interface only. The server is a separate process:
 * call {@link #close()} (also from a shutdown hook when the JVM may be stopped by a
 * signal).
 */
public final class EmbeddedDatabase implements AutoCloseable {

	public static final String USERNAME = "postgres";

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** Starts on {@code port} (0 picks a free one), keeping data in {@code dataDir}. */
	public static EmbeddedDatabase start(Path dataDir, int port) {
		try {
			Files.createDirectories(dataDir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setPGStartupWait(Duration.ofSeconds(60))
				// the owner stops it in order: after the services using it, not
				// concurrently with them
				.setRegisterShutdownHook(false);
			if (port != 0) {
				builder.setPort(port);
			}
			return new EmbeddedDatabase(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot start the embedded PostgreSQL in " + dataDir + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"Cannot start the embedded PostgreSQL in " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	public int port() {
		return this.postgres.getPort();
	}

	/** JDBC URL of a database on this server, e.g. {@code postgres}. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
	}

	public String username() {
		return USERNAME;
	}

	public String password() {
		return "";
	}

	/**
	 * A connection pool-less data source for administrative statements (creating
	 * databases).
	 */
	public DataSource dataSource(String database) {
		return this.postgres.getDatabase(USERNAME, database);
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

}
