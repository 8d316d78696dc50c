package io.aigenda.backend.upload;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a clear problem detail, and nothing already stored changes; a meeting
 * whose only recording was refused is removed.
 */
class BadInputIntegrationTests extends BackendIntegrationTest {

	@Autowired
	ObjectStore store;

	@Test
	void zeroByteUploadIsRefusedAsEmpty() {
		String id = createMeeting(ADMIN_TOKEN, "Empty");

		HttpResponse<String> response = putFile(path(id), ADMIN_TOKEN, "empty.wav", new byte[0]);

		assertProblem(response, 400, "empty-upload");
		assertRemoved(id);
	}

	@Test
	void requestWithoutFileIsRefused() {
		String id = createMeeting(ADMIN_TOKEN, "No file");
		HttpResponse<String> response = call(java.net.http.HttpRequest.newBuilder(url(path(id)))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("--xyz--\r\n"))
			.build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).path("type").asString()).startsWith("https://aigenda.io/problems/");
		assertUntouched(id);
	}

	@Test
	void textFileNamedWavIsRefusedAsUnsupportedMedia() {
		String id = createMeeting(ADMIN_TOKEN, "Text");
		byte[] text = "These are meeting notes, not a recording.\n".repeat(20).getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = putFile(path(id), ADMIN_TOKEN, "notes.wav", text);

		assertProblem(response, 415, "unsupported-media");
		assertRemoved(id);
	}

	@Test
	void truncatedMp3IsRefusedAsUndecodableAndNotStored() {
		String id = createMeeting(ADMIN_TOKEN, "Truncated");
		byte[] mp3 = read(shared("eval-dev/containers/jfk.mp3"));

		HttpResponse<String> response = putFile(path(id), ADMIN_TOKEN, "jfk.mp3", Arrays.copyOf(mp3, 2048));

		assertProblem(response, 422, "undecodable-recording");
		assertThat(body(response).path("detail").asString()).contains("truncated");
		assertRemoved(id);
	}

	@Test
	void secondUploadIsRefusedAndTheFirstRecordingKept() {
		String id = createMeeting(ADMIN_TOKEN, "Twice");
		byte[] wav = read(shared("eval-dev/asr/en/jfk.wav"));
		assertThat(putFile(path(id), ADMIN_TOKEN, "jfk.wav", wav).statusCode()).isEqualTo(200);

		HttpResponse<String> second = putFile(path(id), ADMIN_TOKEN, "other.mp3",
				read(shared("eval-dev/containers/jfk.mp3")));

		assertProblem(second, 409, "already-uploaded");
		JsonNode meeting = body(get("/api/v1/meetings/" + id, ADMIN_TOKEN));
		assertThat(meeting.path("recording").path("filename").asString()).isEqualTo("jfk.wav");
		assertThat(this.store.getBytes(StorageKeys.recording(organisation(), UUID.fromString(id)))).isEqualTo(wav);
	}

	@Test
	void unknownMeetingIsNotFound() {
		HttpResponse<String> response = get("/api/v1/meetings/" + UUID.randomUUID(), ADMIN_TOKEN);

		assertProblem(response, 404, "not-found");
	}

	@Test
	void anotherOrganisationsMeetingLooksExactlyLikeAnUnknownOne() {
		String id = createMeeting(ADMIN_TOKEN, "Private");
		String stranger = otherOrganisationToken();

		HttpResponse<String> theirs = get("/api/v1/meetings/" + id, stranger);
		HttpResponse<String> unknown = get("/api/v1/meetings/" + UUID.randomUUID(), stranger);
		HttpResponse<String> upload = putFile(path(id), stranger, "jfk.wav", read(shared("eval-dev/asr/en/jfk.wav")));
		HttpResponse<String> delete = send("DELETE", "/api/v1/meetings/" + id, stranger, null);

		assertProblem(theirs, 404, "not-found");
		JsonNode theirsProblem = body(theirs);
		JsonNode unknownProblem = body(unknown);
		for (String field : new String[] { "type", "title", "status", "detail" }) {
			assertThat(theirsProblem.path(field)).isEqualTo(unknownProblem.path(field));
		}
		assertProblem(upload, 404, "not-found");
		assertProblem(delete, 404, "not-found");
		assertThat(body(get("/api/v1/meetings", stranger)).path("totalItems").asLong()).isZero();
		assertUntouched(id);
	}

	@Test
	void malformedJsonIsABadRequest() {
		HttpResponse<String> response = send("POST", "/api/v1/meetings", ADMIN_TOKEN, "{\"title\": \"x\",");

		assertProblem(response, 400, "malformed-request");
	}

	@Test
	void unknownLanguageIsABadRequest() {
		HttpResponse<String> response = send("POST", "/api/v1/meetings", ADMIN_TOKEN,
				"{\"title\":\"x\",\"language\":\"klingon\"}");

		assertProblem(response, 400, "invalid-value");
		assertThat(body(response).path("detail").asString()).contains("klingon");
	}

	@Test
	void missingTitleFailsValidation() {
		HttpResponse<String> response = send("POST", "/api/v1/meetings", ADMIN_TOKEN, "{\"language\":\"ru\"}");

		assertProblem(response, 400, "validation-failed");
		assertThat(body(response).path("detail").asString()).contains("title");
	}

	@Test
	void unknownRouteAndWrongMethodAreProblems() {
		assertProblem(get("/api/v1/nothing-here", ADMIN_TOKEN), 404, "not-found");
		assertProblem(send("PATCH", "/api/v1/meetings", ADMIN_TOKEN, "{}"), 405, "method-not-allowed");
		assertProblem(get("/api/v1/meetings/not-a-uuid", ADMIN_TOKEN), 404, "not-found");
	}

	@Test
	void requestsWithoutValidCredentialsAreUnauthorized() {
		assertProblem(get("/api/v1/meetings", null), 401, "unauthorized");
		assertProblem(get("/api/v1/meetings", "agk_not-a-real-token"), 401, "unauthorized");
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get("/v3/api-docs", null).body()).contains("/api/v1/meetings/{meetingId}/uploads");
	}

	private void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = body(response);
		assertThat(problem.path("type").asString()).isEqualTo("https://aigenda.io/problems/" + slug);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	/** The meeting still waits for its recording and nothing is stored for it. */
	/** A refused recording leaves no meeting behind and nothing stored. */
	private void assertRemoved(String id) {
		assertProblem(get("/api/v1/meetings/" + id, ADMIN_TOKEN), 404, "not-found");
		assertThat(this.store.exists(StorageKeys.recording(organisation(), UUID.fromString(id)))).isFalse();
	}

	private void assertUntouched(String id) {
		JsonNode meeting = body(get("/api/v1/meetings/" + id, ADMIN_TOKEN));
		assertThat(meeting.path("state").asString()).isEqualTo("CREATED");
		assertThat(meeting.path("recording").isNull() || meeting.path("recording").isMissingNode()).isTrue();
		assertThat(this.store.exists(StorageKeys.recording(organisation(), UUID.fromString(id)))).isFalse();
	}

	private UUID organisation() {
		return UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
	}

	private static String path(String id) {
		return "/api/v1/meetings/" + id + "/recording";
	}

}
