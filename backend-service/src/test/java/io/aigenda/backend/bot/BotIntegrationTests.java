package io.aigenda.backend.bot;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.ProcessMeeting;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StartRecording;
import io.aigenda.contracts.StopRecording;
import io.aigenda.contracts.internal.BotStateReport;
import io.aigenda.contracts.internal.BotStatus;
import io.aigenda.contracts.internal.ChunkUrl;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.contracts.internal.InternalApiException;
import io.aigenda.contracts.internal.InternalPaths;
import io.aigenda.contracts.internal.RecorderToken;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A bot's life as the backend sees it, with a test meeting page on this machine as the
 * allowed platform (private addresses allowed, as only a test set-up may).
 */
@TestPropertySource(properties = { "aigenda.backend.bots.allow-private-addresses=true",
		"aigenda.backend.bots.platforms.test-page=127.0.0.1" })
class BotIntegrationTests extends BackendIntegrationTest {

	@Autowired
	ObjectStore store;

	@Test
	void botRecordingIsAssembledFromChunksAndProcessedEvenWhenTheRecorderDied() throws Exception {
		String meetingId = createMeeting(ADMIN_TOKEN, "Bot call");
		HttpResponse<String> invited = send("POST", "/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN,
				"{\"url\":\"http://127.0.0.1:9/room\",\"maxDurationMinutes\":30}");
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(202);
		JsonNode bot = body(invited);
		String botId = bot.path("id").asString();
		assertThat(bot.path("state").asString()).isEqualTo("SCHEDULED");
		assertThat(bot.path("platform").asString()).isEqualTo("test-page");
		assertThat(bot.path("maxDurationSeconds").asLong()).isEqualTo(1800);

		StartRecording start = receive(Queues.START_RECORDING, StartRecording.class, botId);
		assertThat(start.meetingId().toString()).isEqualTo(meetingId);
		assertThat(start.url()).isEqualTo("http://127.0.0.1:9/room");
		assertThat(start.maxDurationSeconds()).isEqualTo(1800);

		HttpResponse<String> again = send("POST", "/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN,
				"{\"url\":\"http://127.0.0.1:9/room\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(putFile("/api/v1/meetings/" + meetingId + "/recording", ADMIN_TOKEN, "x.wav",
				read(shared("eval-dev/diarization/pyannote_sample/sample.wav")))
			.statusCode()).isEqualTo(409);

		assertThat(send("POST", "/api/v1/internal/bots/" + botId + "/recorder-token", ADMIN_TOKEN, null).statusCode())
			.isEqualTo(403);
		HttpResponse<String> issued = send("POST", "/api/v1/internal/bots/" + botId + "/recorder-token", SERVICE_TOKEN,
				null);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		String token = body(issued).path("token").asString();
		assertThat(token).startsWith("agr_");

		// the recorder token opens the recorder endpoints and nothing else; user tokens
		// do not open them
		assertThat(get("/api/v1/meetings/" + meetingId, token).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/v1/recorder/chunks/0", ADMIN_TOKEN, null).statusCode()).isEqualTo(401);
		assertThat(body(get("/api/v1/recorder/bot", token)).path("id").asString()).isEqualTo(botId);

		report(botId, "{\"state\":\"RECORDING\",\"serverSeconds\":4}");
		byte[] wav = read(shared("eval-dev/diarization/pyannote_sample/sample.wav"));
		byte[] pcm = Arrays.copyOfRange(wav, 44, wav.length);
		int half = pcm.length / 2 + 1; // an odd cut: the joined recording must stay
										// sample-aligned
		putChunk(token, 0, Arrays.copyOfRange(pcm, 0, half));
		putChunk(token, 1, Arrays.copyOfRange(pcm, half, pcm.length));
		assertThat(body(get("/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN)).path("chunks").asInt())
			.isEqualTo(2);

		JsonNode failed = report(botId,
				"{\"state\":\"FAILED\",\"detail\":\"recorder process exited\"," + "\"serverSeconds\":31}");
		assertThat(failed.path("state").asString()).isEqualTo("FAILED");
		assertThat(failed.path("serverSeconds").asLong()).isEqualTo(31);
		assertThat(failed.path("finishedAt").isNull()).isFalse();
		assertThat(send("POST", "/api/v1/recorder/chunks/2", token, null).statusCode()).isEqualTo(401);

		JsonNode meeting = body(get("/api/v1/meetings/" + meetingId, ADMIN_TOKEN));
		assertThat(meeting.path("state").asString()).isIn("UPLOADED", "PROCESSING");
		ProcessMeeting process = receive(Queues.PROCESS_MEETING, ProcessMeeting.class, meetingId);
		byte[] stored = this.store.getBytes(process.audioKey());
		// one byte of the odd first chunk is dropped to keep samples aligned
		assertThat(stored.length).isEqualTo(44 + pcm.length - 2);
		assertThat(new String(stored, 0, 4)).isEqualTo("RIFF");
		assertThat(Arrays.copyOfRange(stored, 44, 44 + 1000)).isEqualTo(Arrays.copyOfRange(pcm, 0, 1000));
		assertThat(process.audioKey()).isEqualTo(StorageKeys.recording(process.organisationId(), process.meetingId()));

		// a repeated report changes nothing
		assertThat(report(botId, "{\"state\":\"DONE\"}").path("state").asString()).isEqualTo("FAILED");
	}

	@Test
	void aScheduledInvitationCarriesItsJoinTimeToTheMeetingController() {
		String meetingId = createMeeting(ADMIN_TOKEN, "Tomorrow's call");
		Instant joinAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> invited = send("POST", "/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN,
				"{\"url\":\"http://127.0.0.1:9/later\",\"joinAt\":\"" + joinAt + "\"}");
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(202);
		String botId = body(invited).path("id").asString();
		assertThat(Instant.parse(body(invited).path("joinAt").asString())).isEqualTo(joinAt);
		assertThat(body(invited).path("state").asString()).isEqualTo("SCHEDULED");

		StartRecording start = receive(Queues.START_RECORDING, StartRecording.class, botId);
		assertThat(start.joinAt()).isEqualTo(joinAt);
		assertThat(Instant
			.parse(body(get("/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN)).path("joinAt").asString()))
			.isEqualTo(joinAt);
	}

	@Test
	void callingBackABotSendsStopAndABotWithoutAudioFreesTheMeeting() {
		String meetingId = createMeeting(ADMIN_TOKEN, "Short call");
		String botId = invite(meetingId, "http://127.0.0.1:9/empty");
		HttpResponse<String> stopped = send("DELETE", "/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN, null);
		assertThat(stopped.statusCode()).isEqualTo(202);
		StopRecording stop = receive(Queues.STOP_RECORDING, StopRecording.class, botId);
		assertThat(stop.meetingId().toString()).isEqualTo(meetingId);

		report(botId, "{\"state\":\"DONE\",\"detail\":\"called back\"}");
		assertThat(body(get("/api/v1/meetings/" + meetingId, ADMIN_TOKEN)).path("state").asString())
			.isEqualTo("CREATED");
	}

	@Test
	void meetingUrlsOutsideConfiguredPlatformsAreRefusedAndBotsStayInTheirOrganisation() {
		String meetingId = createMeeting(ADMIN_TOKEN, "Elsewhere");
		HttpResponse<String> refused = send("POST", "/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN,
				"{\"url\":\"http://169.254.169.254/latest/meta-data\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(body(refused).path("type").asString()).endsWith("/invalid-meeting-url");
		assertThat(
				send("POST", "/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN, "{\"url\":\"file:///etc/passwd\"}")
					.statusCode())
			.isEqualTo(400);

		send("POST", "/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN, "{\"url\":\"http://127.0.0.1:9/x\"}");
		String other = otherOrganisationToken();
		assertThat(get("/api/v1/meetings/" + meetingId + "/bot", other).statusCode()).isEqualTo(404);
		assertThat(send("DELETE", "/api/v1/meetings/" + meetingId + "/bot", other, null).statusCode()).isEqualTo(404);
	}

	@Test
	void theControllersAndTheRecordersCallsThroughTheSharedClientTakeABotToItsRecording() {
		String meetingId = createMeeting(ADMIN_TOKEN, "Client call");
		UUID botId = UUID.fromString(invite(meetingId, "http://127.0.0.1:9/client"));
		InternalApiClient controller = client(SERVICE_TOKEN);

		RecorderToken token = controller.recorderToken(botId);
		assertThat(token.botId()).isEqualTo(botId);
		assertThat(token.meetingId()).hasToString(meetingId);
		assertThat(token.token()).startsWith("agr_");
		assertThat(token.expiresAt()).isAfter(Instant.now());

		InternalApiClient recorder = client(token.token());
		ChunkUrl chunk = recorder.chunkUrl(0);
		assertThat(chunk.sequence()).isZero();
		byte[] wav = read(shared("eval-dev/diarization/pyannote_sample/sample.wav"));
		HttpResponse<String> put = call(HttpRequest.newBuilder(URI.create(chunk.url()))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(wav, 44, wav.length)))
			.build());
		assertThat(put.statusCode()).isEqualTo(200);

		BotStatus recording = controller.reportBotState(botId, new BotStateReport("RECORDING", null, 3L));
		assertThat(recording.state()).isEqualTo("RECORDING");
		assertThat(recording.chunks()).isEqualTo(1);
		assertThat(recording.finishedAt()).isNull();
		InternalApiException unknownState = catchThrowableOfType(InternalApiException.class,
				() -> controller.reportBotState(botId, new BotStateReport("LEFT", null, 4L)));
		assertThat(unknownState.status()).isEqualTo(400);
		assertThat(unknownState.reason()).isEqualTo("Unknown bot state LEFT");
		assertThat(unknownState.problemType()).endsWith("/validation-failed");

		BotStatus done = controller.reportBotState(botId, new BotStateReport("DONE", "meeting ended", 40L));
		assertThat(done.state()).isEqualTo("DONE");
		assertThat(done.serverSeconds()).isEqualTo(40);
		assertThat(done.finishedAt()).isNotNull();
		ProcessMeeting process = receive(Queues.PROCESS_MEETING, ProcessMeeting.class, meetingId);
		assertThat(process.originalFilename()).isEqualTo("bot-recording.wav");
		assertThat(process.runNumber()).isEqualTo(1);

		// a finished bot: no new token, and its recorder's token opens nothing any more
		InternalApiException finished = catchThrowableOfType(InternalApiException.class,
				() -> controller.recorderToken(botId));
		assertThat(finished.status()).isEqualTo(409);
		assertThat(finished.reason()).isEqualTo("The bot has finished");
		InternalApiException dead = catchThrowableOfType(InternalApiException.class, () -> recorder.chunkUrl(1));
		assertThat(dead.status()).isEqualTo(401);
		assertThat(dead.reason()).isEqualTo("A valid recorder token is required");
		assertThat(dead.retryable()).isFalse();
	}

	@Test
	void theBotStateEndpointStillRefusesUnknownFields() {
		String meetingId = createMeeting(ADMIN_TOKEN, "Strict report");
		String botId = invite(meetingId, "http://127.0.0.1:9/strict");

		HttpResponse<String> response = send("PUT", InternalPaths.BOT_STATE.replace("{botId}", botId), SERVICE_TOKEN,
				"{\"state\":\"RECORDING\",\"serverSeconds\":1,\"meetingId\":\"" + UUID.randomUUID() + "\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).path("type").asString()).isEqualTo("https://aigenda.io/problems/unknown-field");
		assertThat(body(get("/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN)).path("state").asString())
			.isEqualTo("SCHEDULED");
	}

	/** Invites a bot into the meeting's call at {@code url}; returns the bot's id. */
	private String invite(String meetingId, String url) {
		HttpResponse<String> invited = send("POST", "/api/v1/meetings/" + meetingId + "/bot", ADMIN_TOKEN,
				"{\"url\":\"" + url + "\"}");
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(202);
		return body(invited).path("id").asString();
	}

	private InternalApiClient client(String token) {
		return new InternalApiClient(url(""), token, Duration.ofSeconds(5), Duration.ofSeconds(30));
	}

	private JsonNode report(String botId, String json) {
		HttpResponse<String> response = send("PUT", "/api/v1/internal/bots/" + botId + "/state", SERVICE_TOKEN, json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return body(response);
	}

	private void putChunk(String token, int sequence, byte[] bytes) {
		HttpResponse<String> url = send("POST", "/api/v1/recorder/chunks/" + sequence, token, null);
		assertThat(url.statusCode()).as(url.body()).isEqualTo(200);
		HttpResponse<String> put = call(HttpRequest.newBuilder(URI.create(body(url).path("url").asString()))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
	}

}
