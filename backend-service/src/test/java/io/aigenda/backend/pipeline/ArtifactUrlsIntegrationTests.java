package io.aigenda.backend.pipeline;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.internal.ArtifactUrls;
import io.aigenda.contracts.internal.ArtifactUrlsRequest;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.contracts.internal.InternalApiException;
import io.aigenda.contracts.internal.InternalPaths;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ArtifactUrlsIntegrationTests extends BackendIntegrationTest {

	@Test
	void presignedUrlForOneKeyCannotListTheBucket() {
		String id = uploaded();
		String getUrl = urls(id, "{\"get\":[\"recording\"],\"put\":[],\"ttlSeconds\":300}").path("getUrls")
			.path("recording")
			.asString();
		assertThat(fetch(getUrl).statusCode()).isEqualTo(200);

		URI signed = URI.create(getUrl);
		String bucketPath = signed.getRawPath().substring(0, signed.getRawPath().indexOf('/', 1));
		URI listing = URI
			.create(signed.getScheme() + "://" + signed.getRawAuthority() + bucketPath + "?" + signed.getRawQuery());
		HttpResponse<String> list = fetch(listing.toString());

		assertThat(list.statusCode()).isEqualTo(403);
		assertThat(list.body()).doesNotContain(id);
	}

	@Test
	void ttlIsCappedAtOneHour() {
		String id = uploaded();
		String url = urls(id, "{\"get\":[\"recording\"],\"put\":[\"transcript.asr.json\"],\"ttlSeconds\":86400}")
			.path("putUrls")
			.path("transcript.asr.json")
			.asString();

		assertThat(url).contains("X-Amz-Expires=3600");
	}

	@Test
	void onlyTheServiceTokenReachesInternalEndpoints() {
		String id = uploaded();
		String body = "{\"get\":[\"recording\"],\"put\":[],\"ttlSeconds\":60}";

		assertThat(send("POST", "/api/v1/internal/meetings/" + id + "/artifact-urls", ADMIN_TOKEN, body).statusCode())
			.isEqualTo(403);
		assertThat(get("/api/v1/meetings/" + id, SERVICE_TOKEN).statusCode()).isEqualTo(403);
	}

	@Test
	void badNamesAndUnknownMeetingsAreRefused() {
		String id = uploaded();
		HttpResponse<String> traversal = send("POST", "/api/v1/internal/meetings/" + id + "/artifact-urls",
				SERVICE_TOKEN, "{\"get\":[\"../../other/recording\"],\"put\":[],\"ttlSeconds\":60}");
		HttpResponse<String> unknown = send("POST", "/api/v1/internal/meetings/" + UUID.randomUUID() + "/artifact-urls",
				SERVICE_TOKEN, "{\"get\":[\"recording\"],\"put\":[],\"ttlSeconds\":60}");

		assertThat(traversal.statusCode()).isEqualTo(400);
		assertThat(body(traversal).path("type").asString())
			.isEqualTo("https://aigenda.io/problems/invalid-artifact-name");
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void theSharedClientGetsAMeetingsUrlsAndRefusalsAsItsExceptionWithStatusAndReason() {
		String id = uploaded();
		InternalApiClient mlController = client(SERVICE_TOKEN);

		ArtifactUrls urls = mlController.meetingArtifactUrls(UUID.fromString(id),
				new ArtifactUrlsRequest(List.of("recording"), List.of("transcript.asr.json"), 300));
		assertThat(fetch(urls.getUrls().get("recording")).statusCode()).isEqualTo(200);
		assertThat(urls.keys().get("transcript.asr.json")).endsWith(id + "/artifacts/transcript.asr.json");
		assertThat(urls.putUrls()).containsOnlyKeys("transcript.asr.json");

		InternalApiException unknown = catchThrowableOfType(InternalApiException.class, () -> mlController
			.meetingArtifactUrls(UUID.randomUUID(), new ArtifactUrlsRequest(List.of("recording"), List.of(), 60)));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.reason()).isEqualTo("Meeting was not found");
		assertThat(unknown.retryable()).isFalse();

		InternalApiException overwrite = catchThrowableOfType(InternalApiException.class, () -> mlController
			.meetingArtifactUrls(UUID.fromString(id), new ArtifactUrlsRequest(List.of(), List.of("recording"), 60)));
		assertThat(overwrite.status()).isEqualTo(400);
		assertThat(overwrite.reason()).isEqualTo("The recording cannot be overwritten");
		assertThat(overwrite.problemType()).isEqualTo("https://aigenda.io/problems/invalid-artifact-name");

		InternalApiException voiceprint = catchThrowableOfType(InternalApiException.class, () -> mlController
			.voiceprintArtifactUrls(UUID.randomUUID(), new ArtifactUrlsRequest(List.of("clip"), List.of(), 60)));
		assertThat(voiceprint.status()).isEqualTo(404);
		assertThat(voiceprint.reason()).isEqualTo("Voiceprint was not found");

		InternalApiException user = catchThrowableOfType(InternalApiException.class, () -> client(ADMIN_TOKEN)
			.meetingArtifactUrls(UUID.fromString(id), new ArtifactUrlsRequest(List.of("recording"), List.of(), 60)));
		assertThat(user.status()).isEqualTo(403);
	}

	@Test
	void unknownFieldsInAnArtifactUrlsRequestAreRefused() {
		String id = uploaded();

		HttpResponse<String> response = send("POST", InternalPaths.MEETING_ARTIFACT_URLS.replace("{meetingId}", id),
				SERVICE_TOKEN, "{\"get\":[\"recording\"],\"put\":[],\"ttlSeconds\":60,\"bucket\":\"other\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).path("type").asString()).isEqualTo("https://aigenda.io/problems/unknown-field");
	}

	private InternalApiClient client(String token) {
		return new InternalApiClient(url(""), token, Duration.ofSeconds(5), Duration.ofSeconds(30));
	}

	private String uploaded() {
		String id = createMeeting(ADMIN_TOKEN, "Artifacts");
		assertThat(putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")))
			.statusCode()).isEqualTo(200);
		return id;
	}

	private JsonNode urls(String id, String request) {
		HttpResponse<String> response = send("POST", "/api/v1/internal/meetings/" + id + "/artifact-urls",
				SERVICE_TOKEN, request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return body(response);
	}

	private static HttpResponse<String> fetch(String url) {
		return call(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

}
