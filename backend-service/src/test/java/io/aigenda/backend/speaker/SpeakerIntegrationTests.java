package io.aigenda.backend.speaker;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.ForgetVoiceprint;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.SpeakerIdentity;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.StoreVoiceprint;
import io.aigenda.contracts.Word;
import io.aigenda.messaging.Topology;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SpeakerIntegrationTests extends BackendIntegrationTest {

	@Autowired
	Topology topology;

	@Test
	void speakersShowWordCountAndTalkTime() throws Exception {
		String id = processedMeeting("Counts");
		JsonNode speakers = body(get("/api/v1/meetings/" + id + "/speakers", ADMIN_TOKEN));
		assertThat(speakers).hasSize(2);
		JsonNode s1 = speakers.get(0);
		assertThat(s1.path("label").asString()).isEqualTo("S1");
		assertThat(s1.path("name").isNull()).isTrue();
		assertThat(s1.path("wordCount").asInt()).isEqualTo(11);
		assertThat(s1.path("talkTimeSeconds").asDouble()).isEqualTo(5.0);
		assertThat(speakers.get(1).path("wordCount").asInt()).isEqualTo(11);
		assertThat(speakers.get(1).path("talkTimeSeconds").asDouble()).isEqualTo(6.0);

		HttpResponse<String> rttm = get("/api/v1/meetings/" + id + "/export?format=rttm", ADMIN_TOKEN);
		assertThat(rttm.statusCode()).isEqualTo(200);
		assertThat(rttm.body()).isEqualTo("SPEAKER counts 1 0.000 5.000 <NA> <NA> S1 <NA> <NA>\n"
				+ "SPEAKER counts 1 5.000 6.000 <NA> <NA> S2 <NA> <NA>\n");
	}

	@Test
	void namingASpeakerNamesTheTranscriptAndExportsAndStoresAVoiceprint() throws Exception {
		String id = processedMeeting("Naming");
		drainVoiceprintQueue();

		HttpResponse<String> renamed = send("PUT", "/api/v1/meetings/" + id + "/speakers/S2", ADMIN_TOKEN,
				"{\"name\":\"  John Kennedy \"}");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		assertThat(body(renamed).path("name").asString()).isEqualTo("John Kennedy");
		UUID voiceprintId = UUID.fromString(body(renamed).path("voiceprint").path("id").asString());

		assertThat(get("/api/v1/meetings/" + id + "/export?format=txt", ADMIN_TOKEN).body())
			.contains("John Kennedy: do for you");
		JsonNode transcript = body(get("/api/v1/meetings/" + id + "/transcript", ADMIN_TOKEN));
		assertThat(transcript.path("speakers").get(1).path("name").asString()).isEqualTo("John Kennedy");

		JsonNode voiceprints = body(get("/api/v1/voiceprints", ADMIN_TOKEN));
		assertThat(voiceprints).anySatisfy(v -> {
			assertThat(v.path("id").asString()).isEqualTo(voiceprintId.toString());
			assertThat(v.path("name").asString()).isEqualTo("John Kennedy");
			assertThat(v.path("speakerLabel").asString()).isEqualTo("S2");
		});
		StoreVoiceprint command = (StoreVoiceprint) receiveVoiceprintCommand();
		assertThat(command.voiceprintId()).isEqualTo(voiceprintId);
		assertThat(command.meetingId()).isEqualTo(UUID.fromString(id));
		assertThat(command.speakerLabel()).isEqualTo("S2");
		assertThat(command.name()).isEqualTo("John Kennedy");

		// Renaming again keeps the same voiceprint.
		HttpResponse<String> again = send("PUT", "/api/v1/meetings/" + id + "/speakers/S2", ADMIN_TOKEN,
				"{\"name\":\"JFK\"}");
		assertThat(body(again).path("voiceprint").path("id").asString()).isEqualTo(voiceprintId.toString());
		assertThat(((StoreVoiceprint) receiveVoiceprintCommand()).name()).isEqualTo("JFK");

		// Another organisation sees neither the voiceprint nor the meeting's speakers.
		String other = otherOrganisationToken();
		assertThat(body(get("/api/v1/voiceprints", other))).isEmpty();
		assertThat(get("/api/v1/meetings/" + id + "/speakers", other).statusCode()).isEqualTo(404);
		assertThat(send("DELETE", "/api/v1/voiceprints/" + voiceprintId, other, null).statusCode()).isEqualTo(404);

		assertThat(send("DELETE", "/api/v1/voiceprints/" + voiceprintId, ADMIN_TOKEN, null).statusCode())
			.isEqualTo(204);
		ForgetVoiceprint forget = (ForgetVoiceprint) receiveVoiceprintCommand();
		assertThat(forget.voiceprintId()).isEqualTo(voiceprintId);
		assertThat(body(get("/api/v1/voiceprints", ADMIN_TOKEN)))
			.noneSatisfy(v -> assertThat(v.path("id").asString()).isEqualTo(voiceprintId.toString()));
		JsonNode s2 = body(get("/api/v1/meetings/" + id + "/speakers", ADMIN_TOKEN)).get(1);
		assertThat(s2.path("name").asString()).isEqualTo("JFK");
		assertThat(s2.path("voiceprint").isNull()).isTrue();
		assertThat(send("DELETE", "/api/v1/voiceprints/" + voiceprintId, ADMIN_TOKEN, null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void speakersRecognisedByAVoiceprintOfTheOrganisationGetItsNameAndConfidence() throws Exception {
		String first = processedMeeting("Enrol");
		UUID voiceprint = UUID.fromString(
				body(send("PUT", "/api/v1/meetings/" + first + "/speakers/S1", ADMIN_TOKEN, "{\"name\":\"Maria\"}"))
					.path("voiceprint")
					.path("id")
					.asString());

		String later = processedMeeting("Recognised", List.of(new SpeakerIdentity("S2", voiceprint, "Maria", 0.831),
				new SpeakerIdentity("S1", UUID.randomUUID(), "Unknown voiceprint", 0.99)));

		JsonNode speakers = body(get("/api/v1/meetings/" + later + "/speakers", ADMIN_TOKEN));
		assertThat(speakers.get(0).path("name").isNull()).isTrue();
		assertThat(speakers.get(1).path("name").asString()).isEqualTo("Maria");
		assertThat(speakers.get(1).path("voiceprint").path("id").asString()).isEqualTo(voiceprint.toString());
		assertThat(speakers.get(1).path("voiceprint").path("confidence").asDouble()).isEqualTo(0.831);
		assertThat(speakers.get(1).path("confidence").asDouble()).isEqualTo(0.831);
		assertThat(speakers.get(0).path("confidence").isNull()).isTrue();
		assertThat(get("/api/v1/meetings/" + later + "/export?format=txt", ADMIN_TOKEN).body())
			.contains("Maria: do for you");
	}

	@Test
	void mergingMovesWordsAndTurnsAndKeepsTheName() throws Exception {
		String id = processedMeeting("Merge");
		send("PUT", "/api/v1/meetings/" + id + "/speakers/S2", ADMIN_TOKEN, "{\"name\":\"Anna\"}");

		HttpResponse<String> merged = send("POST", "/api/v1/meetings/" + id + "/speakers/merge", ADMIN_TOKEN,
				"{\"from\":\"S2\",\"into\":\"S1\"}");
		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
		JsonNode speakers = body(merged);
		assertThat(speakers).hasSize(1);
		assertThat(speakers.get(0).path("label").asString()).isEqualTo("S1");
		assertThat(speakers.get(0).path("name").asString()).isEqualTo("Anna");
		assertThat(speakers.get(0).path("wordCount").asInt()).isEqualTo(22);
		assertThat(speakers.get(0).path("talkTimeSeconds").asDouble()).isEqualTo(11.0);
		assertThat(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("speakerCount").asInt()).isEqualTo(1);
		assertThat(get("/api/v1/meetings/" + id + "/export?format=txt", ADMIN_TOKEN).body()).doesNotContain("S2");
	}

	@Test
	void reassigningARangeToNoOneSplitsANewSpeakerOff() throws Exception {
		String id = processedMeeting("Split");
		// Words 0..10 of S1 span 0.3..5.3 s; move the ones whose middle is past 3 s to a
		// new speaker.
		HttpResponse<String> split = send("POST", "/api/v1/meetings/" + id + "/speakers/reassign", ADMIN_TOKEN,
				"{\"start\":3.0,\"end\":5.0,\"from\":\"S1\"}");
		assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
		JsonNode speakers = body(split);
		assertThat(speakers).extracting(s -> s.path("label").asString()).containsExactly("S1", "S2", "S3");
		int movedWords = speakers.get(2).path("wordCount").asInt();
		assertThat(movedWords).isBetween(3, 6);
		assertThat(speakers.get(0).path("wordCount").asInt()).isEqualTo(11 - movedWords);
		assertThat(speakers.get(2).path("talkTimeSeconds").asDouble()).isEqualTo(2.0);
		assertThat(speakers.get(0).path("talkTimeSeconds").asDouble()).isEqualTo(3.0);
		JsonNode words = body(get("/api/v1/meetings/" + id + "/transcript", ADMIN_TOKEN)).path("words");
		for (JsonNode w : words) {
			double middle = (w.path("start").asDouble() + w.path("end").asDouble()) / 2;
			if (middle >= 3.0 && middle < 5.0) {
				assertThat(w.path("speaker").asString()).isEqualTo("S3");
			}
		}

		// And back: the range to S1 again leaves S3 with nothing, so it is gone.
		JsonNode back = body(send("POST", "/api/v1/meetings/" + id + "/speakers/reassign", ADMIN_TOKEN,
				"{\"start\":3.0,\"end\":5.0,\"from\":\"S3\",\"to\":\"S1\"}"));
		assertThat(back).extracting(s -> s.path("label").asString()).containsExactly("S1", "S2");
		assertThat(back.get(0).path("wordCount").asInt()).isEqualTo(11);
	}

	@Test
	void theMeetingsSpeakerCountFollowsASplitAndItsUndo() throws Exception {
		String id = processedMeeting("Speaker count");
		JsonNode before = body(get("/api/v1/meetings/" + id, ADMIN_TOKEN));
		assertThat(before.path("speakerCount").asInt()).isEqualTo(2);

		send("POST", "/api/v1/meetings/" + id + "/speakers/reassign", ADMIN_TOKEN,
				"{\"start\":3.0,\"end\":5.0,\"from\":\"S1\"}");
		JsonNode split = body(get("/api/v1/meetings/" + id, ADMIN_TOKEN));
		assertThat(split.path("speakerCount").asInt()).isEqualTo(3);
		assertThat(split.path("state").asString()).isEqualTo("PROCESSED");
		assertThat(java.time.Instant.parse(split.path("updatedAt").asString()))
			.isAfter(java.time.Instant.parse(before.path("updatedAt").asString()));

		send("POST", "/api/v1/meetings/" + id + "/speakers/reassign", ADMIN_TOKEN,
				"{\"start\":3.0,\"end\":5.0,\"from\":\"S3\",\"to\":\"S1\"}");
		assertThat(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("speakerCount").asInt()).isEqualTo(2);
	}

	@Test
	void badSpeakerRequestsAreProblemDetails() throws Exception {
		String id = processedMeeting("Bad input");
		assertProblem(send("PUT", "/api/v1/meetings/" + id + "/speakers/S1", ADMIN_TOKEN, "{\"name\":\"  \"}"), 400,
				"invalid-speaker-name");
		assertProblem(send("PUT", "/api/v1/meetings/" + id + "/speakers/S1", ADMIN_TOKEN,
				"{\"name\":\"" + "x".repeat(101) + "\"}"), 400, "invalid-speaker-name");
		assertProblem(send("PUT", "/api/v1/meetings/" + id + "/speakers/S9", ADMIN_TOKEN, "{\"name\":\"Anna\"}"), 404,
				"not-found");
		assertProblem(send("POST", "/api/v1/meetings/" + id + "/speakers/merge", ADMIN_TOKEN,
				"{\"from\":\"S1\",\"into\":\"S1\"}"), 400, "validation-failed");
		assertProblem(send("POST", "/api/v1/meetings/" + id + "/speakers/merge", ADMIN_TOKEN, "{\"from\":\"S1\"}"), 400,
				"validation-failed");
		assertProblem(
				send("POST", "/api/v1/meetings/" + id + "/speakers/reassign", ADMIN_TOKEN, "{\"start\":5,\"end\":2}"),
				400, "validation-failed");
		assertProblem(send("POST", "/api/v1/meetings/" + id + "/speakers/merge", ADMIN_TOKEN, "{not json"), 400,
				"malformed-request");
		String fresh = createMeeting(ADMIN_TOKEN, "Not processed");
		assertProblem(get("/api/v1/meetings/" + fresh + "/speakers", ADMIN_TOKEN), 409, "not-processed");
		assertProblem(send("DELETE", "/api/v1/voiceprints/" + UUID.randomUUID(), ADMIN_TOKEN, null), 404, "not-found");
	}

	private void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(body(response).path("type").asString()).isEqualTo("https://aigenda.io/problems/" + slug);
	}

	private Object receiveVoiceprintCommand() {
		Message message = this.rabbit.receive(this.topology.queue(Queues.VOICEPRINTS), 10_000);
		assertThat(message).as("a voiceprint command").isNotNull();
		return this.rabbit.getMessageConverter().fromMessage(message);
	}

	private void drainVoiceprintQueue() throws InterruptedException {
		Thread.sleep(500);
		while (this.rabbit.receive(this.topology.queue(Queues.VOICEPRINTS), 200) != null) {
			// earlier tests' commands
		}
	}

	/**
	 * A meeting processed with jfk.wav's reference words: S1 0..5 s (11 words), S2 5..11
	 * s (11 words).
	 */
	private String processedMeeting(String title) throws Exception {
		return processedMeeting(title, List.of());
	}

	private String processedMeeting(String title, List<SpeakerIdentity> identities) throws Exception {
		String id = createMeeting(ADMIN_TOKEN, title);
		HttpResponse<String> uploaded = putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		MeetingTranscript transcript = transcript().withIdentities(identities);
		Map<String, String> keys = storeResults(id, transcript);
		UUID organisation = UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
		this.messages.publishEventConfirmed(new MinutesReady(UUID.fromString(id), organisation, keys.get("transcript"),
				keys.get("minutes"), Language.EN, 11.0, 2, Map.of()), UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "PROCESSED".equals(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString()));
		return id;
	}

	private Map<String, String> storeResults(String id, MeetingTranscript transcript) {
		HttpResponse<String> answer = send("POST", "/api/v1/internal/meetings/" + id + "/artifact-urls", SERVICE_TOKEN,
				"{\"get\":[],\"put\":[\"transcript.json\",\"minutes.json\"],\"ttlSeconds\":600}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode urls = body(answer);
		Minutes minutes = new Minutes(Language.EN, "extractive", "Ask what you can do for your country.",
				List.of(new Minutes.Topic("Service", 0, 11, null)), List.of(), List.of(), List.of());
		put(urls.path("putUrls").path("transcript.json").asString(), this.json.writeValueAsString(transcript));
		put(urls.path("putUrls").path("minutes.json").asString(), this.json.writeValueAsString(minutes));
		return Map.of("transcript", urls.path("keys").path("transcript.json").asString(), "minutes",
				urls.path("keys").path("minutes.json").asString());
	}

	private static void put(String url, String body) {
		HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static MeetingTranscript transcript() throws Exception {
		String text = Files.readString(shared("eval-dev/asr/en/jfk.txt"), StandardCharsets.UTF_8).strip();
		String[] tokens = text.split("\\s+");
		List<Word> words = new ArrayList<>();
		double step = 10.0 / tokens.length;
		for (int i = 0; i < tokens.length; i++) {
			String speaker = i < 11 ? "S1" : "S2";
			words.add(new Word(0.3 + i * step, 0.3 + (i + 0.8) * step, tokens[i], 0.9, speaker));
		}
		return new MeetingTranscript(Language.EN, 11.0, List.of("S1", "S2"), words,
				List.of(new SpeakerTurn(0, 5.0, "S1"), new SpeakerTurn(5.0, 11.0, "S2")));
	}

}
