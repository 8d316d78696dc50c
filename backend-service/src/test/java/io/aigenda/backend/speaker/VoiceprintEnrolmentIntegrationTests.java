package io.aigenda.backend.speaker;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.VoiceprintEnrolled;
import io.aigenda.contracts.VoiceprintEnrolmentFailed;
import io.aigenda.messaging.Messages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backend's side of enrolment: the clip is kept under the organisation's prefix, the
 * ml-controller gets presigned URLs for it (and only with its service token), and the
 * outcome events settle a pending voiceprint once.
 */
class VoiceprintEnrolmentIntegrationTests extends BackendIntegrationTest {

	@Autowired
	Messages messages;

	@Test
	void enrolledClipIsSignedForTheControllerAndTheOutcomeSettlesItOnce() {
		byte[] clip = read(shared("eval-dev/asr/en/jfk.wav"));
		JsonNode pending = enrol("John Example", clip);
		String id = pending.path("id").asString();
		assertThat(pending.path("state").asString()).isEqualTo("pending");

		HttpResponse<String> signed = send("POST", "/api/v1/internal/voiceprints/" + id + "/artifact-urls",
				SERVICE_TOKEN, "{\"get\":[\"clip\"],\"put\":[\"diarization.json\"],\"ttlSeconds\":300}");
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		JsonNode urls = body(signed);
		assertThat(urls.path("keys").path("clip").asString()).endsWith("/voiceprints/" + id + "/clip");
		assertThat(fetch(urls.path("getUrls").path("clip").asString())).isEqualTo(clip);
		assertThat(urls.path("keys").path("diarization.json").asString())
			.endsWith("/voiceprints/" + id + "/artifacts/diarization.json");

		assertThat(send("POST", "/api/v1/internal/voiceprints/" + id + "/artifact-urls", SERVICE_TOKEN,
				"{\"get\":[],\"put\":[\"clip\"],\"ttlSeconds\":300}")
			.statusCode()).isEqualTo(400);
		assertThat(send("POST", "/api/v1/internal/voiceprints/" + id + "/artifact-urls", ADMIN_TOKEN,
				"{\"get\":[\"clip\"],\"put\":[],\"ttlSeconds\":300}")
			.statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/v1/internal/voiceprints/" + UUID.randomUUID() + "/artifact-urls", SERVICE_TOKEN,
				"{\"get\":[\"clip\"],\"put\":[],\"ttlSeconds\":300}")
			.statusCode()).isEqualTo(404);

		UUID organisation = UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
		this.messages.publishEvent(new VoiceprintEnrolled(organisation, UUID.fromString(id)));
		await().atMost(Duration.ofSeconds(20)).until(() -> "ready".equals(voiceprint(id).path("state").asString()));
		// A late failure of the same enrolment changes nothing.
		this.messages.publishEvent(new VoiceprintEnrolmentFailed(organisation, UUID.fromString(id), "late"));
		JsonNode failedElsewhere = enrol("Jane Example", clip);
		this.messages.publishEvent(
				new VoiceprintEnrolmentFailed(organisation, UUID.fromString(failedElsewhere.path("id").asString()),
						"Too little speech in the clip for a voiceprint"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "failed".equals(voiceprint(failedElsewhere.path("id").asString()).path("state").asString()));
		assertThat(voiceprint(failedElsewhere.path("id").asString()).path("failureReason").asString())
			.isEqualTo("Too little speech in the clip for a voiceprint");
		assertThat(voiceprint(id).path("state").asString()).isEqualTo("ready");
		assertThat(voiceprint(id).path("failureReason").isNull()).isTrue();

		// Forgetting it removes the clip as well.
		assertThat(send("DELETE", "/api/v1/voiceprints/" + id, ADMIN_TOKEN, null).statusCode()).isEqualTo(204);
		assertThat(fetchStatus(urls.path("getUrls").path("clip").asString())).isEqualTo(404);
	}

	@Test
	void anotherOrganisationNeitherSeesNorSettlesTheVoiceprint() {
		JsonNode pending = enrol("Private Person", read(shared("eval-dev/asr/en/jfk.wav")));
		String other = otherOrganisationToken();

		assertThat(body(get("/api/v1/voiceprints", other)).size()).isZero();
		assertThat(send("DELETE", "/api/v1/voiceprints/" + pending.path("id").asString(), other, null).statusCode())
			.isEqualTo(404);
	}

	private JsonNode enrol(String name, byte[] clip) {
		HttpResponse<String> response = multipart("POST", "/api/v1/voiceprints", ADMIN_TOKEN, Map.of("name", name),
				"clip.wav", clip);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return body(response);
	}

	private JsonNode voiceprint(String id) {
		for (JsonNode v : body(get("/api/v1/voiceprints", ADMIN_TOKEN))) {
			if (id.equals(v.path("id").asString())) {
				return v;
			}
		}
		throw new AssertionError("No voiceprint " + id);
	}

	private static byte[] fetch(String url) {
		HttpResponse<byte[]> response = download(url);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static int fetchStatus(String url) {
		return download(url).statusCode();
	}

	private static HttpResponse<byte[]> download(String url) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
