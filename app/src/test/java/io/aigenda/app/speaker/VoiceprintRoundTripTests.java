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
 * Voiceprints through the REST API on the whole platform: a speaker named in one AMI clip
 * is recognised by name in another clip of the same meeting (the same two people), and
 * never in another organisation; a person enrolled from a clip cut out of one recording
 * is named in a meeting recorded another time, and nobody else is. Runs on the machine's
 * PostgreSQL and the platform's embedded AMQP broker (the one-machine mode), so it does
 * not depend on the shared RabbitMQ's state.
 */
class VoiceprintRoundTripTests {

	private static final Path DEV00 = PlatformFiles.SHARED.resolve("eval-dev/diarization/ami_dev/dev00.wav");

	private static final Path DEV01 = PlatformFiles.SHARED.resolve("eval-dev/diarization/ami_dev/dev01.wav");

	private static final Path REFERENCE = PlatformFiles.SHARED
		.resolve("eval-dev/diarization/ami_dev/debug.development.rttm");

	/** Enrolled from dev00, then looked for in dev01. */
	private static final String PERSON = "MEE009";

	/** Talks in both recordings and is never enrolled. */
	private static final String STRANGER = "MEE012";

	@TempDir
	static Path dataDir;

	@TempDir
	static Path outDir;

	static TestPlatform platform;

	@BeforeAll
	static void start() {
		platform = TestPlatform.start(dataDir, TestPlatform.Broker.EMBEDDED);
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void aSpeakerNamedInOneMeetingIsNamedInTheNextOnlyInItsOrganisation() throws Exception {
		String admin = platform.adminToken();
		UUID first = platform.process(admin, DEV00, outDir.resolve("first"));
		// The CLI's RTTM of the turns scores like the worker's own output (DER on the
		// same clip).
		assertThat(io.aigenda.diarization.eval.RttmFiles.read(outDir.resolve("first/dev00.rttm")).get("dev00"))
			.isNotEmpty();
		JsonNode speakers = json(platform.call("GET", "/api/v1/meetings/" + first + "/speakers", admin, null));
		assertThat(speakers.size()).isEqualTo(2);
		// The longest-talking speaker of the first clip gets a name.
		JsonNode named = speakers.get(0).path("talkTimeSeconds").asDouble() >= speakers.get(1)
			.path("talkTimeSeconds")
			.asDouble() ? speakers.get(0) : speakers.get(1);
		HttpResponse<String> renamed = platform.call("PUT",
				"/api/v1/meetings/" + first + "/speakers/" + named.path("label").asString(), admin,
				"{\"name\":\"Alice Example\"}");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		// The ml-controller stores the voiceprint within moments (outbox, then one
		// command).
		Thread.sleep(3000);

		UUID later = platform.process(admin, DEV01, outDir.resolve("later"));
		JsonNode laterSpeakers = json(platform.call("GET", "/api/v1/meetings/" + later + "/speakers", admin, null));
		System.out.println("first meeting: " + speakers + "\nlater meeting: " + laterSpeakers);
		JsonNode recognised = null;
		for (JsonNode s : laterSpeakers) {
			if ("Alice Example".equals(s.path("name").asString(null))) {
				assertThat(recognised).as("one speaker per name").isNull();
				recognised = s;
			}
		}
		assertThat(recognised).as("a speaker of the later meeting named by voiceprint").isNotNull();
		assertThat(recognised.path("voiceprint").path("confidence").asDouble()).isBetween(0.75, 1.0);
		assertThat(platform.call("GET", "/api/v1/meetings/" + later + "/export?format=txt", admin, null).body())
			.contains("Alice Example:");

		String other = platform.otherOrganisationToken(admin);
		UUID elsewhere = platform.process(other, DEV01, outDir.resolve("elsewhere"));
		JsonNode elsewhereSpeakers = json(
				platform.call("GET", "/api/v1/meetings/" + elsewhere + "/speakers", other, null));
		for (JsonNode s : elsewhereSpeakers) {
			assertThat(s.path("name").isNull()).as(s.toString()).isTrue();
		}
		assertThat(json(platform.call("GET", "/api/v1/voiceprints", other, null)).size()).isZero();
	}

	@Test
	void personEnrolledFromAnotherRecordingIsNamedAndNobodyElse() throws Exception {
		String admin = platform.adminToken();
		// A fresh organisation: the other test's names never reach this one.
		String owner = platform.otherOrganisationToken(admin);
		Map<String, List<SpeakerTurn>> reference = RttmFiles.read(REFERENCE);
		Path clip = outDir.resolve("enrolment.wav");
		Audio dev00 = new WavAudioDecoder().decode(DEV00);
		WavWriter.write(SoloSpeech.of(dev00, reference.get("dev00"), PERSON, 0, dev00.durationSeconds()), clip);

		HttpResponse<String> enrolled = platform.postMultipart("/api/v1/voiceprints", owner,
				Map.of("name", "Bob Example"), "file", clip);
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(202);
		String id = json(enrolled).path("id").asString();
		JsonNode ready = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> voiceprint(owner, id), v -> !"pending".equals(v.path("state").asString()));
		assertThat(ready.path("state").asString()).as(ready.toString()).isEqualTo("ready");

		UUID meeting = platform.process(owner, DEV01, outDir.resolve("enrolled"));
		JsonNode speakers = json(platform.call("GET", "/api/v1/meetings/" + meeting + "/speakers", owner, null));
		// Who is who in the meeting: the mapping that scores its turns against the
		// reference.
		Map<String, String> mapping = new DiarizationErrorRate(0)
			.compute(reference.get("dev01"), RttmFiles.read(outDir.resolve("enrolled/dev01.rttm")).get("dev01"), null)
			.mapping();
		System.out.println("meeting speakers: " + speakers + "; mapping " + mapping);
		assertThat(mapping).containsKeys(PERSON, STRANGER);
		for (JsonNode speaker : speakers) {
			String label = speaker.path("label").asString();
			if (label.equals(mapping.get(PERSON))) {
				assertThat(speaker.path("name").asString(null)).as(speaker.toString()).isEqualTo("Bob Example");
				assertThat(speaker.path("voiceprint").path("id").asString()).isEqualTo(id);
				assertThat(speaker.path("voiceprint").path("confidence").asDouble()).isBetween(0.5, 1.0);
			}
			else {
				assertThat(speaker.path("name").isNull()).as(speaker.toString()).isTrue();
			}
		}

		String other = platform.otherOrganisationToken(admin);
		assertThat(json(platform.call("GET", "/api/v1/voiceprints", other, null)).size()).isZero();
		UUID elsewhere = platform.process(other, DEV01, outDir.resolve("elsewhere-enrolled"));
		for (JsonNode speaker : json(
				platform.call("GET", "/api/v1/meetings/" + elsewhere + "/speakers", other, null))) {
			assertThat(speaker.path("name").isNull()).as(speaker.toString()).isTrue();
		}
	}

	private static JsonNode voiceprint(String token, String id) {
		for (JsonNode v : json(platform.call("GET", "/api/v1/voiceprints", token, null))) {
			if (id.equals(v.path("id").asString())) {
				return v;
			}
		}
		throw new AssertionError("No voiceprint " + id);
	}

}
