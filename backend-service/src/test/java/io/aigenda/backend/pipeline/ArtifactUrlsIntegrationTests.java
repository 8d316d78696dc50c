package io.aigenda.backend.pipeline;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

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
