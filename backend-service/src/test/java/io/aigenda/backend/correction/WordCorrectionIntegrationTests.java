package io.aigenda.backend.correction;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.Language;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class WordCorrectionIntegrationTests extends BackendIntegrationTest {

	/**
	 * "ask not what your cuntry can do for you, ask what you can do for your country."
	 */
	private static final String[] WORDS = "ask not what your cuntry can do for you, ask what you can do for your country."
		.split(" ");

	private static final int DOUBTFUL = 4;

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

	@Test
	void wordNearAGlossaryTermIsFlaggedWithItAndTheCorrectionIsKept() throws Exception {
		// a recogniser that does not know the university writes what it heard
		String[] heard = "Я учусь в ЭТМО на втором курсе , а он recieved диплом .".split(" ");
		int etmo = 3;
		int recieved = 10;
		String id = processedMeeting("Glossary", heard, -1, Language.RU);
		HttpResponse<String> saved = send("PUT", "/api/v1/glossary", ADMIN_TOKEN, "{\"terms\":[\"ИТМО\",\"AiGenda\"]}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(body(get("/api/v1/glossary", ADMIN_TOKEN)).path("terms").valueStream().map(JsonNode::asString))
			.containsExactly("AiGenda", "ИТМО");

		JsonNode flags = body(get("/api/v1/meetings/" + id + "/review", ADMIN_TOKEN)).path("flags");

		Map<Integer, JsonNode> byIndex = new java.util.HashMap<>();
		flags.forEach(f -> byIndex.put(f.path("index").asInt(), f));
		assertThat(byIndex).containsOnlyKeys(etmo, recieved);
		assertThat(byIndex.get(etmo).path("suggestions").get(0).asString()).isEqualTo("ИТМО");
		assertThat(byIndex.get(etmo).path("reasons").valueStream().map(JsonNode::asString)).contains("near-glossary",
				"not-in-dictionary");
		assertThat(byIndex.get(recieved).path("suggestions").valueStream().map(JsonNode::asString))
			.contains("received");
		assertThat(
				body(get("/api/v1/meetings/" + id + "/words/" + etmo + "/suggestions", ADMIN_TOKEN)).path("suggestions")
					.get(0)
					.asString())
			.isEqualTo("ИТМО");

		HttpResponse<String> accepted = send("PUT", "/api/v1/meetings/" + id + "/words/" + etmo, ADMIN_TOKEN,
				"{\"text\":\"ИТМО\"}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		JsonNode after = body(get("/api/v1/meetings/" + id + "/review", ADMIN_TOKEN)).path("flags");
		assertThat(after.valueStream().map(f -> f.path("index").asInt())).containsExactly(recieved);
		assertThat(body(get("/api/v1/meetings/" + id + "/words/" + etmo + "/history", ADMIN_TOKEN)).get(0)
			.path("before")
			.asString()).isEqualTo("ЭТМО");
	}

	@Test
	void aTranscriptShowsGlossaryWordsAsTheGlossaryWritesThem() throws Exception {
		send("PUT", "/api/v1/glossary", ADMIN_TOKEN, "{\"terms\":[\"AiGenda\",\"ИТМО\"]}");

		String id = processedMeeting("Glossary case", "we minute meetings with aigenda".split(" "), -1, Language.EN);

		JsonNode words = body(get("/api/v1/meetings/" + id + "/transcript", ADMIN_TOKEN)).path("words");
		JsonNode last = words.get(words.size() - 1);
		assertThat(last.path("text").asString()).isEqualTo("aigenda");
		assertThat(last.path("display").asString()).isEqualTo("AiGenda");
		assertThat(words.get(0).path("display").isNull() || words.get(0).path("display").isMissingNode()).isTrue();
	}

	@Test
	void glossaryBelongsToOneOrganisationAndRefusesBadTerms() throws Exception {
		send("PUT", "/api/v1/glossary", ADMIN_TOKEN, "{\"terms\":[\"ИТМО\"]}");
		String other = otherOrganisationToken();
		assertThat(body(get("/api/v1/glossary", other)).path("terms")).isEmpty();
		HttpResponse<String> blank = send("PUT", "/api/v1/glossary", ADMIN_TOKEN, "{\"terms\":[\"  \"]}");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("glossary-term");
		assertThat(body(get("/api/v1/glossary", ADMIN_TOKEN)).path("terms").get(0).asString()).isEqualTo("ИТМО");
	}

	private static String words(String id) {
		return "/api/v1/meetings/" + id + "/words/" + DOUBTFUL;
	}

	private byte[] exportTxt(String id) throws Exception {
		return http
			.send(HttpRequest.newBuilder(url("/api/v1/meetings/" + id + "/export?format=txt"))
				.header("Authorization", "Bearer " + ADMIN_TOKEN)
				.build(), HttpResponse.BodyHandlers.ofByteArray())
			.body();
	}

	private String processedMeeting(String title) throws Exception {
		return processedMeeting(title, WORDS, DOUBTFUL, Language.EN);
	}

}
