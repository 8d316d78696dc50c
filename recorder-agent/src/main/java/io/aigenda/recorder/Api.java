package io.aigenda.recorder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recorder's two peers, both with its one token: the backend (upload URLs for chunks;
 * the chunk itself goes straight to S3) and the meeting-controller (heartbeats).
 */
final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final AgentSettings settings;

	Api(AgentSettings settings) {
		this.settings = settings;
	}

	/** Uploads one chunk: a presigned URL from the backend, then a PUT to S3. */
	void upload(Path chunk, int sequence) throws IOException, InterruptedException {
		HttpResponse<String> url = this.http
			.send(authorized(this.settings.backendUrl() + "/api/v1/recorder/chunks/" + sequence)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		if (url.statusCode() != 200) {
			throw new IOException(
					"Chunk " + sequence + ": the backend answered " + url.statusCode() + " " + url.body());
		}
		String target = JSON.readTree(url.body()).path("url").asString();
		HttpResponse<String> put = this.http.send(HttpRequest.newBuilder(URI.create(target))
			.timeout(Duration.ofMinutes(2))
			.PUT(HttpRequest.BodyPublishers.ofFile(chunk))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (put.statusCode() / 100 != 2) {
			throw new IOException("Chunk " + sequence + ": storage answered " + put.statusCode());
		}
	}

	/** Sends a heartbeat; true when the controller wants the bot to leave. */
	boolean heartbeat(String phase, String detail) throws IOException, InterruptedException {
		ObjectNode body = JSON.createObjectNode();
		body.put("phase", phase);
		body.put("detail", detail);
		HttpResponse<String> response = this.http
			.send(authorized(this.settings.controllerUrl() + "/api/v1/recorder/heartbeat")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 401) {
			// the bot was ended (its token is dead): nothing left to do in the call
			return true;
		}
		if (response.statusCode() != 200) {
			throw new IOException("Heartbeat: the controller answered " + response.statusCode());
		}
		JsonNode answer = JSON.readTree(response.body());
		return answer.path("leave").asBoolean(false);
	}

	private HttpRequest.Builder authorized(String url) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.settings.token());
	}

}
