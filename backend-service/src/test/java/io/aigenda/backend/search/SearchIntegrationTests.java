package io.aigenda.backend.search;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search API against a local server that answers like the ml-controller's internal
 * search endpoints (the ml-controller's own tests run the real index): what is asked of
 * it, and what the backend shows of its answers, per organisation.
 */
class SearchIntegrationTests extends BackendIntegrationTest {

	private static final MlController ML = new MlController();

	@DynamicPropertySource
	static void mlController(DynamicPropertyRegistry registry) {
		registry.add("aigenda.backend.search.ml-controller-url", ML::url);
	}

	@AfterAll
	static void stop() {
		ML.server.stop(0);
	}

	@BeforeEach
	void reset() {
		ML.requests.clear();
		ML.status = 200;
		ML.found = true;
	}

	@Test
	void searchAsksForTheCallersOrganisationAndShowsOnlyItsMeetings() {
		String mine = createMeeting(ADMIN_TOKEN, "Budget review");
		UUID elsewhere = UUID.randomUUID();
		ML.passages = List.of(passage(mine, 12.5, "S1: the supplier invoices are due on Monday", 0.71),
				passage(elsewhere.toString(), 3, "S2: another organisation's secret", 0.69));

		HttpResponse<String> response = get("/api/v1/search?q=" + "invoices%20due&limit=5", ADMIN_TOKEN);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode results = body(response).path("results");
		assertThat(results).hasSize(1);
		assertThat(results.get(0).path("meetingTitle").asString()).isEqualTo("Budget review");
		assertThat(results.get(0).path("start").asDouble()).isEqualTo(12.5);
		assertThat(results.get(0).path("speakers").get(0).asString()).isEqualTo("S1");
		Map<String, String> asked = ML.requests.get(0);
		assertThat(asked).containsEntry("path", "/internal/search")
			.containsEntry("q", "invoices due")
			.containsEntry("limit", "5")
			.containsEntry("authorization", "Bearer " + SERVICE_TOKEN);

		// another organisation is asked about as itself, and never sees this
		// organisation's meeting
		String other = otherOrganisationToken();
		JsonNode theirs = body(get("/api/v1/search?q=invoices", other)).path("results");
		assertThat(theirs).isEmpty();
		assertThat(ML.requests.get(1).get("organisationId")).isNotEqualTo(asked.get("organisationId"));
	}

	@Test
	void askAnswersFromTheMeetingWithCitations() {
		String meeting = createMeeting(ADMIN_TOKEN, "Hiring");
		ML.answer = "[00:31] S1: I will publish the job offer on Wednesday.";
		ML.passages = List.of(passage(meeting, 31, "S1: I will publish the job offer on Wednesday.", 0.62));

		HttpResponse<String> response = send("POST", "/api/v1/meetings/" + meeting + "/ask", ADMIN_TOKEN,
				"{\"question\":\"Who publishes the job offer?\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = body(response);
		assertThat(answer.path("answer").asString())
			.isEqualTo("[00:31] S1: S1: I will publish the job offer on Wednesday.");
		assertThat(answer.path("found").asBoolean()).isTrue();
		assertThat(answer.path("method").asString()).isEqualTo("passages");
		assertThat(answer.path("citations").get(0).path("start").asDouble()).isEqualTo(31);
		assertThat(ML.requests.get(0)).containsEntry("path", "/internal/meetings/" + meeting + "/ask")
			.containsEntry("q", "Who publishes the job offer?");
	}

	@Test
	void hitsAndCitationsReadAsTheMeetingReadsNowWithHighlights() throws Exception {
		String meeting = processedMeeting("Call",
				"hello hello i didn't know you were there and i'm sheila in texas originally from chicago".split(" "),
				-1, Language.EN);
		// words 8 to 15 ("and" ... "chicago"), half a second apart from 0.5 s
		ML.passages = List.of(passage(meeting, 4.5, "and i'm sheila in texas originally from chicago", 0.66));
		ML.passages.get(0).put("end", 8.4);
		ML.passages.get(0).put("speakers", List.of("S1"));
		assertThat(send("PUT", "/api/v1/meetings/" + meeting + "/speakers/S1", ADMIN_TOKEN, "{\"name\":\"Sheila\"}")
			.statusCode()).isEqualTo(200);
		assertThat(send("PUT", "/api/v1/meetings/" + meeting + "/words/15", ADMIN_TOKEN, "{\"text\":\"Chicago\"}")
			.statusCode()).isEqualTo(200);

		JsonNode answer = body(send("POST", "/api/v1/meetings/" + meeting + "/ask", ADMIN_TOKEN,
				"{\"question\":\"Where is Sheila from?\"}"));

		assertThat(answer.path("found").asBoolean()).isTrue();
		JsonNode citation = answer.path("citations").get(0);
		assertThat(citation.path("text").asString()).isEqualTo("and i'm sheila in texas originally from Chicago");
		assertThat(citation.path("start").asDouble()).isEqualTo(4.5);
		assertThat(citation.path("speakerNames").get(0).asString()).isEqualTo("Sheila");
		assertThat(citation.path("highlights")).hasSize(1);
		assertThat(citation.path("highlights").get(0).path("from").asInt()).isEqualTo(8);
		assertThat(citation.path("highlights").get(0).path("to").asInt()).isEqualTo(14);
		assertThat(answer.path("answer").asString())
			.isEqualTo("[00:04] Sheila: and i'm sheila in texas originally from Chicago");

		JsonNode hit = body(get("/api/v1/search?q=chicago%20origins", ADMIN_TOKEN)).path("results").get(0);
		assertThat(hit.path("text").asString()).endsWith("from Chicago");
		assertThat(hit.path("speakerNames").get(0).asString()).isEqualTo("Sheila");
		assertThat(hit.path("highlights").get(0).path("from").asInt()).isEqualTo(40);
		assertThat(hit.path("highlights").get(0).path("to").asInt()).isEqualTo(47);
	}

	@Test
	void askSaysWhenNothingInTheMeetingAnswers() {
		String meeting = createMeeting(ADMIN_TOKEN, "Call");
		ML.found = false;
		ML.answer = "Nothing in this meeting answers that.";
		ML.passages = List.of();

		HttpResponse<String> response = send("POST", "/api/v1/meetings/" + meeting + "/ask", ADMIN_TOKEN,
				"{\"question\":\"What did they decide about the budget?\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = body(response);
		assertThat(answer.path("found").asBoolean()).isFalse();
		assertThat(answer.path("answer").asString()).isEqualTo("Nothing in this meeting answers that.");
		assertThat(answer.path("citations")).isEmpty();
	}

	@Test
	void askingAboutAnotherOrganisationsMeetingIsNotFoundAndAsksNothing() {
		String meeting = createMeeting(ADMIN_TOKEN, "Private");
		HttpResponse<String> response = send("POST", "/api/v1/meetings/" + meeting + "/ask", otherOrganisationToken(),
				"{\"question\":\"What was decided?\"}");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(ML.requests).isEmpty();
	}

	@Test
	void missingQueryAndUnavailableSearchAreProblemDetails() {
		HttpResponse<String> missing = get("/api/v1/search", ADMIN_TOKEN);
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(body(missing).path("detail").asString()).isEqualTo("q is required");

		ML.status = 500;
		HttpResponse<String> down = get("/api/v1/search?q=anything", ADMIN_TOKEN);
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(body(down).path("type").asString()).isEqualTo("https://aigenda.io/problems/search-unavailable");

		assertThat(get("/api/v1/search?q=anything", null).statusCode()).isEqualTo(401);
	}

	private static Map<String, Object> passage(String meeting, double start, String text, double score) {
		Map<String, Object> passage = new HashMap<>();
		passage.put("meetingId", meeting);
		passage.put("start", start);
		passage.put("end", start + 8);
		passage.put("speakers", List.of(text.substring(0, 2)));
		passage.put("topic", "Budget");
		passage.put("text", text);
		passage.put("score", score);
		return passage;
	}

	/**
	 * Answers as the ml-controller's {@code /internal/search} and
	 * {@code /internal/meetings/{id}/ask}.
	 */
	static final class MlController {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		final HttpServer server;

		final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

		volatile List<Map<String, Object>> passages = List.of();

		volatile String answer = "";

		volatile boolean found = true;

		volatile int status = 200;

		MlController() {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.createContext("/internal/", exchange -> {
				Map<String, String> request = new HashMap<>();
				request.put("path", exchange.getRequestURI().getPath());
				request.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
				for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
					String[] kv = pair.split("=", 2);
					request.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
				}
				this.requests.add(request);
				List<Map<String, Object>> found = new ArrayList<>(this.passages);
				String body = request.get("path").endsWith("/ask") ? JSON.writeValueAsString(
						Map.of("answer", this.answer, "method", "passages", "citations", found, "found", this.found))
						: JSON.writeValueAsString(found);
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(this.status, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

	}

}
