package io.aigenda.backend.meeting;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.Language;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renaming, listing (filters and orders), the no-speech state and what a refused upload
 * leaves behind.
 */
class MeetingManagementIntegrationTests extends BackendIntegrationTest {

	@Test
	void aMeetingIsRenamedAndTheNewTitleIsFoundAndExported() throws Exception {
		String id = processedMeeting("Old title", new String[] { "hello", "there" }, -1, Language.EN);

		HttpResponse<String> renamed = send("PATCH", "/api/v1/meetings/" + id, ADMIN_TOKEN,
				"{\"title\":\"  Budget review  \"}");

		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		assertThat(body(renamed).path("title").asString()).isEqualTo("Budget review");
		assertThat(body(get("/api/v1/meetings?q=budget%20rev", ADMIN_TOKEN)).path("items").toString()).contains(id);
		assertThat(get("/api/v1/meetings/" + id + "/export?format=md", ADMIN_TOKEN).body())
			.startsWith("# Budget review");
		assertThat(send("PATCH", "/api/v1/meetings/" + id, ADMIN_TOKEN, "{\"title\":\"  \"}").statusCode())
			.isEqualTo(400);
		assertThat(
				send("PATCH", "/api/v1/meetings/" + id, otherOrganisationToken(), "{\"title\":\"Mine\"}").statusCode())
			.isEqualTo(404);
	}

	@Test
	void theListFiltersByStateSpeakerAndDateAndSorts() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String spoken = processedMeeting("Zeta " + tag, new String[] { "one", "two", "three" }, -1, Language.EN);
		String silent = processedMeeting("Alpha " + tag, new String[0], -1, Language.EN);
		String waiting = createMeeting(ADMIN_TOKEN, "Mid " + tag);
		HttpResponse<String> named = send("PUT", "/api/v1/meetings/" + spoken + "/speakers/S1", ADMIN_TOKEN,
				"{\"name\":\"Ivana " + tag + "\"}");
		assertThat(named.statusCode()).as(named.body()).isLessThan(300);

		assertThat(ids("q=" + tag + "&sort=title")).containsExactly(silent, waiting, spoken);
		assertThat(ids("q=" + tag + "&sort=newest")).containsExactly(waiting, silent, spoken);
		assertThat(ids("q=" + tag + "&sort=oldest")).containsExactly(spoken, silent, waiting);
		assertThat(ids("q=" + tag + "&state=created")).containsExactly(waiting);
		assertThat(ids("q=" + tag + "&state=PROCESSED&sort=title")).containsExactly(silent, spoken);
		assertThat(ids("q=" + tag + "&state=NO_SPEECH")).containsExactly(silent);
		assertThat(ids("speaker=ivana%20" + tag)).containsExactly(spoken);
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		assertThat(ids("q=" + tag + "&from=" + today + "&to=" + today)).hasSize(3);
		assertThat(ids("q=" + tag + "&from=" + tomorrow)).isEmpty();
		assertThat(body(get("/api/v1/meetings/" + silent, ADMIN_TOKEN)).path("noSpeech").asBoolean()).isTrue();
		assertThat(body(get("/api/v1/meetings/" + spoken, ADMIN_TOKEN)).path("noSpeech").asBoolean()).isFalse();
		assertThat(get("/api/v1/meetings?state=DANCING", ADMIN_TOKEN).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/meetings?sort=random", ADMIN_TOKEN).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/meetings?from=yesterday", ADMIN_TOKEN).statusCode()).isEqualTo(400);
	}

	@Test
	void aRefusedResumableUploadLeavesNoMeetingBehind() {
		String id = createMeeting(ADMIN_TOKEN, "Refused resumable");
		String uploads = "/api/v1/meetings/" + id + "/uploads";
		byte[] text = "These are notes, not a recording.\n".repeat(200).getBytes();
		JsonNode plan = body(
				send("POST", uploads, ADMIN_TOKEN, "{\"filename\":\"notes.wav\",\"sizeBytes\":" + text.length + "}"));
		String uploadId = plan.path("uploadId").asString();
		HttpResponse<String> part = call(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(plan.path("parts").get(0).path("url").asString()))
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(text))
			.build());
		assertThat(part.statusCode()).isEqualTo(200);
		String etag = part.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> complete = send("POST", uploads + "/" + uploadId + "/complete", ADMIN_TOKEN,
				"{\"parts\":[{\"partNumber\":1,\"etag\":" + this.json.writeValueAsString(etag) + "}]}");

		assertThat(complete.statusCode()).as(complete.body()).isEqualTo(415);
		assertThat(get("/api/v1/meetings/" + id, ADMIN_TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void aConflictingUploadKeepsTheMeeting() {
		String id = createMeeting(ADMIN_TOKEN, "Busy");
		send("POST", "/api/v1/meetings/" + id + "/uploads", ADMIN_TOKEN,
				"{\"filename\":\"a.wav\",\"sizeBytes\":200000}");

		HttpResponse<String> second = putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "empty.wav",
				new byte[0]);

		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString()).isEqualTo("UPLOADING");
	}

	private List<String> ids(String query) {
		HttpResponse<String> response = get("/api/v1/meetings?size=50&" + query, ADMIN_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		body(response).path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

}
