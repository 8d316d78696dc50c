package io.aigenda.backend.correction;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.Word;
import io.aigenda.messaging.Messages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WordCorrectionIntegrationTests extends BackendIntegrationTest {

	/** "ask not what your cuntry can do for you, ask what you can do for your country." */
	private static final String[] WORDS = "ask not what your cuntry can do for you, ask what you can do for your country."
		.split(" ");

	private static final int DOUBTFUL = 4;

	@Autowired
	Messages messages;

	@Test
	void doubtfulWordIsCorrectedFromASuggestionAndKeepsItsHistory() throws Exception {
		String id = processedMeeting("Corrections");

		JsonNode suggestions = body(get(words(id) + "/suggestions", ADMIN_TOKEN));
		assertThat(suggestions.path("text").asString()).isEqualTo("cuntry");
		assertThat(suggestions.path("suggestions").valueStream().map(JsonNode::asString).toList()).first()
			.isEqualTo("country");

		HttpResponse<String> corrected = send("PUT", words(id), ADMIN_TOKEN, "{\"text\":\"country\"}");
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(body(corrected).path("version").asInt()).isEqualTo(1);

		JsonNode transcript = body(get("/api/v1/meetings/" + id + "/transcript", ADMIN_TOKEN));
		JsonNode word = transcript.path("words").get(DOUBTFUL);
		assertThat(word.path("text").asString()).isEqualTo("country");
		assertThat(word.path("confidence").asDouble()).isEqualTo(1.0);
		assertThat(new String(exportTxt(id))).contains("what your country can do");

		send("PUT", words(id), ADMIN_TOKEN, "{\"text\":\"nation\"}");
		JsonNode history = body(get(words(id) + "/history", ADMIN_TOKEN));
		assertThat(history.valueStream().map(v -> v.path("before").asString() + "->" + v.path("after").asString()))
			.containsExactly("cuntry->country", "country->nation");
		assertThat(history.get(0).path("beforeConfidence").asDouble()).isEqualTo(0.3);
	}

	@Test
	void anEarlierCorrectionIsSuggestedInTheNextMeeting() throws Exception {
		String first = processedMeeting("First");
		send("PUT", words(first) + "", ADMIN_TOKEN, "{\"text\":\"Country\"}");
		String second = processedMeeting("Second");

		JsonNode suggestions = body(get(words(second) + "/suggestions", ADMIN_TOKEN));

		assertThat(suggestions.path("suggestions").get(0).asString()).isEqualTo("Country");
	}

	@Test
	void correctionsAreOneWordAndOnlyInTheCallersOrganisation() throws Exception {
		String id = processedMeeting("Guarded");

		assertThat(send("PUT", words(id), ADMIN_TOKEN, "{\"text\":\"two words\"}").statusCode()).isEqualTo(400);
		assertThat(send("PUT", words(id), otherOrganisationToken(), "{\"text\":\"country\"}").statusCode())
			.isEqualTo(404);
		assertThat(send("PUT", "/api/v1/meetings/" + id + "/words/999", ADMIN_TOKEN, "{\"text\":\"x\"}").statusCode())
			.isEqualTo(404);
	}

	private static String words(String id) {
		return "/api/v1/meetings/" + id + "/words/" + DOUBTFUL;
	}

	private byte[] exportTxt(String id) throws Exception {
		return http.send(HttpRequest.newBuilder(url("/api/v1/meetings/" + id + "/export?format=txt"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	private String processedMeeting(String title) throws Exception {
		String id = createMeeting(ADMIN_TOKEN, title);
		HttpResponse<String> uploaded = putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		List<Word> words = new ArrayList<>();
		for (int i = 0; i < WORDS.length; i++) {
			words.add(new Word(0.5 + i * 0.5, 0.9 + i * 0.5, WORDS[i], i == DOUBTFUL ? 0.3 : 0.95, "S1"));
		}
		MeetingTranscript transcript = new MeetingTranscript("en", 11.0, List.of("S1"), words,
				List.of(new SpeakerTurn(0, 11.0, "S1")));
		HttpResponse<String> answer = send("POST", "/api/v1/internal/meetings/" + id + "/artifact-urls", SERVICE_TOKEN,
				"{\"get\":[],\"put\":[\"transcript.json\",\"minutes.json\"],\"ttlSeconds\":600}");
		JsonNode urls = body(answer);
		Minutes minutes = new Minutes("en", "extractive", "Ask what you can do.", List.of(), List.of(), List.of(),
				List.of());
		put(urls.path("putUrls").path("transcript.json").asString(), this.json.writeValueAsString(transcript));
		put(urls.path("putUrls").path("minutes.json").asString(), this.json.writeValueAsString(minutes));
		UUID organisation = UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
		this.messages.publishEventConfirmed(new MinutesReady(UUID.fromString(id), organisation,
				urls.path("keys").path("transcript.json").asString(), urls.path("keys").path("minutes.json").asString(),
				"en", 11.0, 1, Map.of()), UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "PROCESSED".equals(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString()));
		return id;
	}

	private static void put(String url, String body) {
		HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
