package io.aigenda.backend.share;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.Language;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links open one meeting read-only without an account, until revoked or expired.
 */
class ShareLinkIntegrationTests extends BackendIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aShareLinkOpensOneMeetingWithoutAnAccountUntilItIsRevoked() throws Exception {
		String id = processedMeeting("Shared review", new String[] { "we", "ship", "on", "monday" }, -1, Language.EN);
		String other = processedMeeting("Not shared", new String[] { "secret", "plans" }, -1, Language.EN);

		HttpResponse<String> created = send("POST", "/api/v1/meetings/" + id + "/shares", ADMIN_TOKEN, "{\"days\":3}");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode share = body(created);
		String token = share.path("token").asString();
		assertThat(token).startsWith("shr_").hasSizeGreaterThan(40);
		assertThat(share.path("path").asString()).isEqualTo("/shared/" + token);
		HttpResponse<String> opened = get("/api/v1/shared/" + token, null);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
		assertThat(opened.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		JsonNode meeting = body(opened);
		assertThat(meeting.path("title").asString()).isEqualTo("Shared review");
		assertThat(meeting.path("transcript").path("words")).hasSize(4);
		assertThat(meeting.path("minutes").path("summary").asString()).isNotBlank();
		assertThat(meeting.toString()).doesNotContain("secret").doesNotContain(other);
		assertThat(get("/api/v1/shared/" + token + "/recording", null).statusCode()).isEqualTo(302);
		// only the hash is stored
		assertThat(this.jdbc.sql("select count(*) from share_links where token_sha256 = ?")
			.param(ShareLinks.hash(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from share_links where token_sha256 = ?")
			.param(token)
			.query(Long.class)
			.single()).isZero();
		// the link reaches nothing else: no other meeting, no listing, no edits
		assertThat(get("/api/v1/meetings/" + other, null).statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/meetings", null).statusCode()).isEqualTo(401);
		assertThat(send("PUT", "/api/v1/shared/" + token, null, "{}").statusCode()).isIn(401, 403, 405);

		JsonNode links = body(get("/api/v1/meetings/" + id + "/shares", ADMIN_TOKEN));
		assertThat(links).hasSize(1);
		assertThat(links.get(0).path("active").asBoolean()).isTrue();
		assertThat(links.get(0).has("token")).isFalse();
		HttpResponse<String> revoked = send("DELETE",
				"/api/v1/meetings/" + id + "/shares/" + share.path("id").asString(), ADMIN_TOKEN, null);

		assertThat(revoked.statusCode()).isEqualTo(204);
		assertProblem(get("/api/v1/shared/" + token, null), 404, "share-not-found");
		assertProblem(get("/api/v1/shared/" + token + "/recording", null), 404, "share-not-found");
		assertThat(body(get("/api/v1/meetings/" + id + "/shares", ADMIN_TOKEN)).get(0).path("active").asBoolean())
			.isFalse();
	}

	@Test
	void expiredUnknownAndForeignLinksAreRefusedAlike() throws Exception {
		String id = processedMeeting("Expiring", new String[] { "hello" }, -1, Language.EN);
		String token = body(send("POST", "/api/v1/meetings/" + id + "/shares", ADMIN_TOKEN, null)).path("token")
			.asString();
		this.jdbc.sql("update share_links set expires_at = now() - interval '1 minute' where token_sha256 = ?")
			.param(ShareLinks.hash(token))
			.update();

		assertProblem(get("/api/v1/shared/" + token, null), 404, "share-not-found");
		assertProblem(get("/api/v1/shared/shr_" + UUID.randomUUID(), null), 404, "share-not-found");
		assertProblem(send("POST", "/api/v1/meetings/" + id + "/shares", otherOrganisationToken(), null), 404,
				"not-found");
		assertProblem(send("POST", "/api/v1/meetings/" + id + "/shares", ADMIN_TOKEN, "{\"days\":0}"), 400,
				"invalid-parameter");
		String waiting = createMeeting(ADMIN_TOKEN, "No recording yet");
		assertProblem(send("POST", "/api/v1/meetings/" + waiting + "/shares", ADMIN_TOKEN, null), 409, "not-processed");
	}

	@Test
	void deletingTheMeetingEndsItsLinks() throws Exception {
		String id = processedMeeting("Short-lived", new String[] { "bye" }, -1, Language.EN);
		String token = body(send("POST", "/api/v1/meetings/" + id + "/shares", ADMIN_TOKEN, null)).path("token")
			.asString();

		assertThat(send("DELETE", "/api/v1/meetings/" + id, ADMIN_TOKEN, null).statusCode()).isEqualTo(204);

		assertProblem(get("/api/v1/shared/" + token, null), 404, "share-not-found");
	}

	private void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(body(response).path("type").asString()).endsWith("/" + slug);
	}

}
