package io.aigenda.backend.pipeline;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingFailed;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PipelineResultsIntegrationTests extends BackendIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void minutesReadyStoresTranscriptMinutesAndServesExports() throws Exception {
		String id = uploadedMeeting("Weekly sync");
		MeetingTranscript transcript = jfkTranscript();
		Map<String, String> keys = storeResults(id, transcript, minutes());
		UUID organisation = organisation();

		this.messages.publishEventConfirmed(
				new StepProgress(UUID.fromString(id), UUID.randomUUID(), StepKind.TRANSCRIBE, 0.5, "half way"),
				UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSING".equals(state(id)));
		JsonNode progress = body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("progress");
		assertThat(progress.get(0).path("step").asString()).isEqualTo("TRANSCRIBE");
		assertThat(progress.get(0).path("fraction").asDouble()).isEqualTo(0.5);

		this.messages.publishEventConfirmed(minutesReady(id, organisation, keys), UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(15)).until(() -> "PROCESSED".equals(state(id)));

		JsonNode stored = body(get("/api/v1/meetings/" + id + "/transcript", ADMIN_TOKEN));
		assertThat(stored.path("language").asString()).isEqualTo("en");
		assertThat(stored.path("durationSeconds").asDouble()).isEqualTo(11.0);
		assertThat(stored.path("speakers")).hasSize(2);
		assertThat(stored.path("words")).hasSize(transcript.words().size());
		assertThat(stored.path("words").get(0).path("text").asString()).isEqualTo("And");
		assertThat(stored.path("words").get(0).path("speaker").asString()).isEqualTo("S1");

		JsonNode minutes = body(get("/api/v1/meetings/" + id + "/minutes", ADMIN_TOKEN));
		assertThat(minutes.path("summary").asString()).contains("country");
		assertThat(minutes.path("actionItems").get(0).path("owner").asString()).isEqualTo("S2");

		HttpResponse<String> txt = get("/api/v1/meetings/" + id + "/export?format=txt", ADMIN_TOKEN);
		assertThat(txt.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(txt.headers().firstValue("Content-Disposition").orElseThrow()).contains("weekly-sync.txt");
		assertThat(txt.body()).startsWith("[00:00:00] S1: And so, my fellow Americans,")
			.contains("S2: do for you, ask what you can do for your country.");

		HttpResponse<String> srt = get("/api/v1/meetings/" + id + "/export?format=srt", ADMIN_TOKEN);
		assertThat(srt.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-subrip");
		assertThat(srt.body()).startsWith("1\n00:00:00,300 --> ").contains("[S2] do for you, ask what you can do");

		HttpResponse<String> vtt = get("/api/v1/meetings/" + id + "/export?format=vtt", ADMIN_TOKEN);
		assertThat(vtt.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/vtt");
		assertThat(vtt.body()).startsWith("WEBVTT\n\n00:00:00.300 --> ");

		JsonNode export = body(get("/api/v1/meetings/" + id + "/export?format=json", ADMIN_TOKEN));
		assertThat(export.path("transcript").path("words")).hasSize(transcript.words().size());
		assertThat(export.path("minutes").path("engine").asString()).isEqualTo("extractive");

		assertThat(get("/api/v1/meetings/" + id + "/export?format=doc", ADMIN_TOKEN).statusCode()).isEqualTo(400);
	}

	@Test
	void redeliveredMinutesReadyIsStoredOnce() throws Exception {
		String id = uploadedMeeting("Twice");
		MeetingTranscript transcript = jfkTranscript();
		Map<String, String> keys = storeResults(id, transcript, minutes());
		MinutesReady event = minutesReady(id, organisation(), keys);
		String messageId = UUID.randomUUID().toString();

		this.messages.publishEventConfirmed(event, messageId);
		this.messages.publishEventConfirmed(event, messageId);
		// A re-sent duplicate carries a new message id; the meeting's state still stops
		// it.
		this.messages.publishEventConfirmed(event, UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(15)).until(() -> "PROCESSED".equals(state(id)));
		Thread.sleep(1500);

		assertThat(count("transcript_words", id)).isEqualTo(transcript.words().size());
		assertThat(count("speakers", id)).isEqualTo(2);
		assertThat(count("minutes", id)).isEqualTo(1);
		assertThat(body(get("/api/v1/meetings/" + id + "/transcript", ADMIN_TOKEN)).path("words"))
			.hasSize(transcript.words().size());
	}

	@Test
	void minutesReadyNamingAnotherMeetingsObjectsStoresNothing() throws Exception {
		String victim = uploadedMeeting("Victim");
		Map<String, String> victimKeys = storeResults(victim, jfkTranscript(), minutes());
		String id = uploadedMeeting("Forged");

		this.messages.publishEventConfirmed(minutesReady(id, organisation(), victimKeys), UUID.randomUUID().toString());
		Thread.sleep(2000);

		assertThat(state(id)).isEqualTo("UPLOADED");
		assertThat(count("transcript_words", id)).isZero();
	}

	@Test
	void meetingFailedMarksTheMeetingFailedWithTheReason() {
		String id = uploadedMeeting("Broken");

		this.messages.publishEventConfirmed(new MeetingFailed(UUID.fromString(id), organisation(), StepKind.TRANSCRIBE,
				"audio could not be decoded"), UUID.randomUUID().toString());

		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(state(id)));
		assertThat(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("failureReason").asString())
			.isEqualTo("TRANSCRIBE: audio could not be decoded");
		assertThat(get("/api/v1/meetings/" + id + "/transcript", ADMIN_TOKEN).statusCode()).isEqualTo(409);
	}

	@Test
	void processedMeetingQueuesOneMeetingCompletedEventForEachWebhookEndpoint() throws Exception {
		// an address nobody answers on this machine: the event is queued, its delivery is
		// not the point here
		HttpResponse<String> endpoint = send("POST", "/api/v1/webhooks", ADMIN_TOKEN,
				"{\"url\":\"https://203.0.113.10/aigenda\"}");
		assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(201);
		try {
			String id = uploadedMeeting("Announced");
			MinutesReady event = minutesReady(id, organisation(), storeResults(id, jfkTranscript(), minutes()));
			this.messages.publishEventConfirmed(event, UUID.randomUUID().toString());
			this.messages.publishEventConfirmed(event, UUID.randomUUID().toString());
			await().atMost(Duration.ofSeconds(15)).until(() -> "PROCESSED".equals(state(id)));
			Thread.sleep(1000);

			List<String> bodies = this.jdbc
				.sql("select body from webhook_deliveries where endpoint_id = ?::uuid and body like ?")
				.params(body(endpoint).path("id").asString(), "%" + id + "%")
				.query(String.class)
				.list();
			assertThat(bodies).hasSize(1);
			JsonNode announced = this.json.readTree(bodies.get(0));
			assertThat(announced.path("type").asString()).isEqualTo("meeting.completed");
			assertThat(announced.path("meetingId").asString()).isEqualTo(id);
			assertThat(announced.path("organisationId").asString()).isEqualTo(organisation().toString());
		}
		finally {
			send("DELETE", "/api/v1/webhooks/" + body(endpoint).path("id").asString(), ADMIN_TOKEN, null);
		}
	}

	private String uploadedMeeting(String title) {
		String id = createMeeting(ADMIN_TOKEN, title);
		HttpResponse<String> uploaded = putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		return id;
	}

	/**
	 * Puts the documents the ml-controller and llm-worker write, the way they write them:
	 * through presigned PUT URLs from the internal endpoint.
	 */
	private Map<String, String> storeResults(String id, MeetingTranscript transcript, Minutes minutes) {
		HttpResponse<String> answer = send("POST", "/api/v1/internal/meetings/" + id + "/artifact-urls", SERVICE_TOKEN,
				"{\"get\":[\"recording\"],\"put\":[\"transcript.json\",\"minutes.json\"],\"ttlSeconds\":600}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode urls = body(answer);
		putJson(urls.path("putUrls").path("transcript.json").asString(), this.json.writeValueAsString(transcript));
		putJson(urls.path("putUrls").path("minutes.json").asString(), this.json.writeValueAsString(minutes));
		return Map.of("transcript", urls.path("keys").path("transcript.json").asString(), "minutes",
				urls.path("keys").path("minutes.json").asString());
	}

	private static MinutesReady minutesReady(String id, UUID organisation, Map<String, String> keys) {
		return new MinutesReady(UUID.fromString(id), organisation, keys.get("transcript"), keys.get("minutes"),
				Language.EN, 11.0, 2, Map.of("transcribe", 1.5));
	}

	/**
	 * The reference words of jfk.wav, spread over its 11 seconds, the second half spoken
	 * by S2.
	 */
	private static MeetingTranscript jfkTranscript() throws Exception {
		String text = Files.readString(shared("eval-dev/asr/en/jfk.txt"), StandardCharsets.UTF_8).strip();
		String[] tokens = text.split("\\s+");
		List<Word> words = new ArrayList<>();
		double step = 10.0 / tokens.length;
		for (int i = 0; i < tokens.length; i++) {
			String speaker = i < tokens.length / 2 ? "S1" : "S2";
			words.add(new Word(0.3 + i * step, 0.3 + (i + 0.8) * step, tokens[i], 0.9, speaker));
		}
		double split = words.get(tokens.length / 2).start();
		return new MeetingTranscript(Language.EN, 11.0, List.of("S1", "S2"), words,
				List.of(new SpeakerTurn(0, split, "S1"), new SpeakerTurn(split, 11.0, "S2")));
	}

	private static Minutes minutes() {
		return new Minutes(Language.EN, "extractive", "Ask what you can do for your country.",
				List.of(new Minutes.Topic("Service", 0, 11, null)), List.of(),
				List.of(new Minutes.ActionItem("Ask what you can do for your country", "S2", null, "S2", 6.0)),
				List.of());
	}

	private UUID organisation() {
		return UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
	}

	private String state(String id) {
		return body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString();
	}

	private int count(String table, String id) {
		return this.jdbc.sql("select count(*) from " + table + " where meeting_id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single();
	}

}
