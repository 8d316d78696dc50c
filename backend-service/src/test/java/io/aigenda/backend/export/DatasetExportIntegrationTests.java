package io.aigenda.backend.export;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.Language;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetExportIntegrationTests extends BackendIntegrationTest {

	@Test
	void correctedTranscriptsBecomeAnAsrManifestWithPlayableAudio() throws Exception {
		String english = processedMeeting("Dataset EN", "we ship the relese on monday and then we rest".split(" "), 3,
				Language.EN);
		String russian = processedMeeting("Dataset RU", "нейронные сети это хорошо".split(" "), -1, Language.RU);
		assertThat(send("PUT", "/api/v1/meetings/" + english + "/words/3", ADMIN_TOKEN, "{\"text\":\"release\"}")
			.statusCode()).isEqualTo(200);
		assertThat(send("PUT", "/api/v1/meetings/" + english + "/speakers/S1", ADMIN_TOKEN, "{\"name\":\"John\"}")
			.statusCode()).isEqualTo(200);

		String waiting = createMeeting(ADMIN_TOKEN, "Dataset waiting for its recording");

		HttpResponse<String> response = get("/api/v1/datasets/asr?maxSegmentSeconds=2", ADMIN_TOKEN);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
		List<JsonNode> lines = lines(response.body());
		List<JsonNode> en = lines.stream().filter(l -> l.path("meetingId").asString().equals(english)).toList();
		// 10 words, 0.5 s apart: segments of at most 2 s hold 4 words
		assertThat(en).extracting(l -> l.path("text").asString())
			.containsExactly("we ship the release", "on monday and then", "we rest");
		assertThat(en.get(0).path("speaker").asString()).isEqualTo("John");
		assertThat(en.get(0).path("language").asString()).isEqualTo("en");
		assertThat(en.get(0).path("start").asDouble()).isEqualTo(0.5);
		assertThat(en.get(0).path("end").asDouble()).isEqualTo(2.4);
		assertThat(en).extracting(l -> l.path("corrected").asBoolean()).containsExactly(true, false, false);
		HttpResponse<byte[]> audio = http.send(
				HttpRequest.newBuilder(URI.create(en.get(0).path("audio").asString())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(audio.statusCode()).isEqualTo(200);
		assertThat(audio.body()).isEqualTo(read(shared("eval-dev/asr/en/jfk.wav")));
		assertThat(lines).noneSatisfy(l -> assertThat(l.path("meetingId").asString()).isEqualTo(waiting));
		assertThat(lines).anySatisfy(l -> {
			assertThat(l.path("meetingId").asString()).isEqualTo(russian);
			assertThat(l.path("text").asString()).isEqualTo("нейронные сети это хорошо");
			assertThat(l.path("language").asString()).isEqualTo("ru");
		});

		List<JsonNode> correctedOnly = lines(get("/api/v1/datasets/asr?correctedOnly=true", ADMIN_TOKEN).body());
		assertThat(correctedOnly).isNotEmpty()
			.allSatisfy(l -> assertThat(l.path("meetingId").asString()).isNotEqualTo(russian));
		assertThat(lines(get("/api/v1/datasets/asr", otherOrganisationToken()).body())).isEmpty();
		assertThat(get("/api/v1/datasets/asr?maxSegmentSeconds=0", ADMIN_TOKEN).statusCode()).isEqualTo(400);
	}

	@Test
	void minutesBecomeInstructionTuningExamplesInTheMeetingsLanguage() throws Exception {
		String russian = processedMeeting("Minutes RU", "давайте выпустим релиз в понедельник".split(" "), -1,
				Language.RU);

		List<JsonNode> lines = lines(get("/api/v1/datasets/minutes", ADMIN_TOKEN).body());

		JsonNode example = lines.stream()
			.filter(l -> l.path("meetingId").asString().equals(russian))
			.findFirst()
			.orElseThrow();
		assertThat(example.path("dialogue").asString()).isEqualTo("S1: давайте выпустим релиз в понедельник");
		assertThat(example.path("task").asString()).startsWith("Составь протокол встречи");
		assertThat(example.path("answer").path("summary").asString()).isEqualTo("Ask what you can do.");
		assertThat(example.path("answer").path("actionItems").get(0).path("text").asString())
			.isEqualTo("Write the report");
		assertThat(lines(get("/api/v1/datasets/minutes", otherOrganisationToken()).body())).isEmpty();
	}

	private List<JsonNode> lines(String body) {
		return body.lines().filter(l -> !l.isBlank()).map(this.json::readTree).toList();
	}

}
