package io.aigenda.app.speaker;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import io.aigenda.app.PlatformFiles;
import io.aigenda.app.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.aigenda.app.TestPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voiceprints through the REST API on the whole platform: a speaker named in one AMI clip
 * is recognised by name in another clip of the same meeting (the same two people), and
 * never in another organisation. Runs on the machine's PostgreSQL and the platform's
 * embedded AMQP broker (the one-machine mode), so it does not depend on the shared
 * RabbitMQ's state.
 */
class VoiceprintRoundTripTests {

	private static final Path DEV00 = PlatformFiles.SHARED.resolve("eval-dev/diarization/ami_dev/dev00.wav");

	private static final Path DEV01 = PlatformFiles.SHARED.resolve("eval-dev/diarization/ami_dev/dev01.wav");

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

}
