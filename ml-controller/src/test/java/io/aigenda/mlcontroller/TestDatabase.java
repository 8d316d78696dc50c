package io.aigenda.mlcontroller;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the machine's PostgreSQL, as an operator would give the controller,
 * dropped again after the tests.
 */
public final class TestDatabase implements AutoCloseable {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private final String name = "mlc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	public TestDatabase() {
		execute("CREATE DATABASE " + this.name);
	}

	public String url() {
		return SERVER + this.name;
	}

	public String username() {
		return "postgres";
	}

	@Override
	public void close() {
		execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + SERVER + ": " + ex.getMessage(), ex);
		}
	}

}
