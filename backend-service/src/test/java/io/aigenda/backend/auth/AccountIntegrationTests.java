package io.aigenda.backend.auth;

import java.net.http.HttpResponse;
import java.util.List;

import io.aigenda.backend.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class AccountIntegrationTests extends BackendIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void tokensAreShownOnceAndHashedAtRest() {
		HttpResponse<String> issued = send("POST", "/api/v1/tokens", ADMIN_TOKEN, "{\"name\":\"laptop\"}");
		assertThat(issued.statusCode()).isEqualTo(201);
		String token = body(issued).path("token").asString();
		assertThat(token).startsWith("agk_").hasSizeGreaterThan(40);

		List<String> stored = this.jdbc.sql("select token_sha256 || ' ' || prefix || ' ' || name from api_tokens")
			.query(String.class)
			.list();
		assertThat(stored).noneMatch(row -> row.contains(token));
		assertThat(this.jdbc.sql("select count(*) from api_tokens where token_sha256 = ?")
			.param(Tokens.sha256(token))
			.query(Integer.class)
			.single()).isEqualTo(1);
		HttpResponse<String> listed = get("/api/v1/tokens", token);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(token).contains("laptop");
		assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);
	}

	@Test
	void revokedTokenNoLongerAuthenticates() {
		JsonNode issued = body(send("POST", "/api/v1/tokens", ADMIN_TOKEN, "{\"name\":\"temporary\"}"));
		String token = issued.path("token").asString();
		assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);

		assertThat(send("DELETE", "/api/v1/tokens/" + issued.path("id").asString(), token, null).statusCode())
			.isEqualTo(204);

		assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
	}

	@Test
	void basicAuthenticationWithEmailAndPasswordWorks() {
		HttpResponse<String> me = basicGet("/api/v1/me", "admin@test.local", "admin-password");

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(body(me).path("email").asString()).isEqualTo("admin@test.local");
		assertThat(body(me).path("platformAdmin").asBoolean()).isTrue();
		assertThat(basicGet("/api/v1/me", "admin@test.local", "wrong").statusCode()).isEqualTo(401);
		String hash = this.jdbc.sql("select password_hash from users where email = 'admin@test.local'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("admin-password");
	}

	@Test
	void bootstrapRunTwiceChangesNothing() {
		int before = rows();

		this.accounts.ensureBootstrap("Test HQ", "admin@test.local", "admin-password", ADMIN_TOKEN);

		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void onlyPlatformAdminsManageOrganisations() {
		String member = otherOrganisationToken();

		HttpResponse<String> response = send("POST", "/api/v1/admin/organisations", member, "{\"name\":\"Mine\"}");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(body(response).path("type").asString()).isEqualTo("https://aigenda.io/problems/forbidden");
	}

	private int rows() {
		return this.jdbc
			.sql("select (select count(*) from organisations) + (select count(*) from users) "
					+ "+ (select count(*) from memberships) + (select count(*) from api_tokens)")
			.query(Integer.class)
			.single();
	}

}
