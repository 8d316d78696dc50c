package io.aigenda.app.speaker;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.app.PlatformFiles;
import io.aigenda.app.TestPlatform;
import io.aigenda.audio.Audio;
import io.aigenda.audio.WavAudioDecoder;
import io.aigenda.audio.WavWriter;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.DiarizationErrorRate;
import io.aigenda.diarization.eval.RttmFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.aigenda.app.TestPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Enrolling a known person from a clip, through the REST API on the whole platform (the
 * machine's PostgreSQL and RabbitMQ): the person of the first part of the pyannote sample
 * is enrolled from the stretches where only they talk, the rest of the recording is
 * processed as a meeting, and the speaker who is that person there carries the name, in
 * that organisation only.
 */
class VoiceprintEnrolmentTests {

	private static final String PERSON = "speaker90";

	/**
	 * The sample's first part, where the clip is cut from; the meeting is what follows.
	 */
	private static final double SPLIT = 17.95;

	private static final double SAMPLE_END = 30.0;

	@TempDir
	static Path dataDir;

	@TempDir
	static Path work;

	static TestPlatform platform;

	static Audio sample;

	static List<SpeakerTurn> reference;

	@BeforeAll
	static void start() {
		sample = new WavAudioDecoder().decode(PlatformFiles.SAMPLE);
		reference = RttmFiles.read(PlatformFiles.SAMPLE.resolveSibling("sample.rttm")).get("sample");
		platform = TestPlatform.start(dataDir, TestPlatform.Broker.RABBITMQ);
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void personEnrolledFromAClipIsNamedInALaterMeetingOnlyInTheirOrganisation() throws Exception {
		String admin = platform.adminToken();
		Path clip = write("ada.wav", SoloSpeech.of(sample, reference, PERSON, 0, SPLIT));
		Path meeting = write("meeting.wav", sample.slice(SPLIT, SAMPLE_END));

		HttpResponse<String> enrolled = platform.postMultipart("/api/v1/voiceprints", admin,
				Map.of("name", "Ada Example"), "file", clip);
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(202);
		JsonNode pending = json(enrolled);
		assertThat(pending.path("state").asString()).isEqualTo("pending");
		assertThat(pending.path("name").asString()).isEqualTo("Ada Example");
		String id = pending.path("id").asString();
		JsonNode ready = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> voiceprint(admin, id), v -> !"pending".equals(v.path("state").asString()));
		assertThat(ready.path("state").asString()).as(ready.toString()).isEqualTo("ready");
		assertThat(ready.path("failureReason").isNull()).isTrue();
		assertThat(ready.path("meetingId").isNull()).isTrue();

		UUID processed = platform.process(admin, meeting, work.resolve("a"));
		JsonNode speakers = json(platform.call("GET", "/api/v1/meetings/" + processed + "/speakers", admin, null));
		// Which of the meeting's speakers is the person: the one mapped to them when
		// scoring its turns.
		List<SpeakerTurn> found = RttmFiles.read(work.resolve("a/meeting.rttm")).get("meeting");
		String personLabel = new DiarizationErrorRate(0).compute(shifted(reference, SPLIT, SAMPLE_END), found, null)
			.mapping()
			.get(PERSON);
		System.out.println("meeting speakers: " + speakers + "; the enrolled person is " + personLabel);
		List<String> named = new ArrayList<>();
		for (JsonNode speaker : speakers) {
			if ("Ada Example".equals(speaker.path("name").asString(null))) {
				named.add(speaker.path("label").asString());
				assertThat(speaker.path("voiceprint").path("id").asString()).isEqualTo(id);
				assertThat(speaker.path("voiceprint").path("confidence").asDouble()).isBetween(0.75, 1.0);
			}
		}
		assertThat(named).containsExactly(personLabel);

		String other = platform.otherOrganisationToken(admin);
		assertThat(json(platform.call("GET", "/api/v1/voiceprints", other, null)).size()).isZero();
		UUID elsewhere = platform.process(other, meeting, work.resolve("b"));
		for (JsonNode speaker : json(
				platform.call("GET", "/api/v1/meetings/" + elsewhere + "/speakers", other, null))) {
			assertThat(speaker.path("name").isNull()).as(speaker.toString()).isTrue();
		}
		assertThat(platform.call("DELETE", "/api/v1/voiceprints/" + id, other, null).statusCode()).isEqualTo(404);
	}

	@Test
	void clipsWithoutAudioTooLongOrWithoutSpeechAreRefusedWithProblemDetails() throws Exception {
		String admin = platform.adminToken();
		assertProblem(platform.postMultipart("/api/v1/voiceprints", admin, Map.of("name", "Ada"), "file", null), 422,
				"no-audio");
		assertProblem(platform.postMultipart("/api/v1/voiceprints", admin, Map.of("name", "Ada"), "file",
				PlatformFiles.SAMPLE.resolveSibling("sample.rttm")), 422, "no-audio");
		// Eleven times the 30 s sample: 5.5 minutes.
		Audio[] copies = new Audio[11];
		java.util.Arrays.fill(copies, sample);
		assertProblem(platform.postMultipart("/api/v1/voiceprints", admin, Map.of("name", "Ada"), "file",
				write("long.wav", SoloSpeech.concat(List.of(copies)))), 422, "clip-too-long");
		// The sample's first seconds, before anybody talks (room sound only).
		double firstTurn = reference.stream().mapToDouble(SpeakerTurn::start).min().orElseThrow();
		assertProblem(platform.postMultipart("/api/v1/voiceprints", admin, Map.of("name", "Ada"), "file",
				write("quiet.wav", sample.slice(0, firstTurn - 0.5))), 422, "no-speech");
		assertProblem(platform.postMultipart("/api/v1/voiceprints", admin, Map.of(), "file", PlatformFiles.JFK), 400,
				"invalid-speaker-name");
		assertThat(json(platform.call("GET", "/api/v1/voiceprints", admin, null)).valueStream()
			.filter(v -> "Ada".equals(v.path("name").asString()))
			.count()).isZero();
	}

	private static void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(response).path("type").asString()).endsWith("/" + slug);
		assertThat(json(response).path("detail").asString()).isNotBlank();
	}

	private static JsonNode voiceprint(String token, String id) {
		for (JsonNode v : json(platform.call("GET", "/api/v1/voiceprints", token, null))) {
			if (id.equals(v.path("id").asString())) {
				return v;
			}
		}
		throw new AssertionError("No voiceprint " + id);
	}

	/** Reference turns within a window, on the window's own clock. */
	private static List<SpeakerTurn> shifted(List<SpeakerTurn> turns, double from, double to) {
		List<SpeakerTurn> result = new ArrayList<>();
		for (SpeakerTurn turn : turns) {
			double start = Math.max(turn.start(), from);
			double end = Math.min(turn.end(), to);
			if (end > start) {
				result.add(new SpeakerTurn(start - from, end - from, turn.speaker()));
			}
		}
		return result;
	}

	private static Path write(String name, Audio audio) throws IOException {
		Path file = work.resolve(name);
		WavWriter.write(audio, file);
		return file;
	}

}
