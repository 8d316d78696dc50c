package io.aigenda.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void queryRunsOnPostgres17AndDataSurvivesARestart() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDir.resolve("pg"), 0)) {
			try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), database.username(),
					database.password()); Statement statement = connection.createStatement()) {
				try (ResultSet version = statement.executeQuery("show server_version_num")) {
					version.next();
					assertThat(version.getInt(1)).isBetween(170000, 179999);
				}
				statement.execute("create table meeting (id int primary key, title text)");
				statement.execute("insert into meeting values (1, 'Weekly sync')");
			}
		}

		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDir.resolve("pg"), 0);
				Connection connection = database.dataSource("postgres").getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select title from meeting where id = 1")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("Weekly sync");
		}
	}

}
