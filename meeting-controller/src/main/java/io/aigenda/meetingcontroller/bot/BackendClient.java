package io.aigenda.meetingcontroller.bot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.aigenda.meetingcontroller.recorder.RecorderProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The backend's internal bot endpoints, called with the service token. */
@Component
class BackendClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final String serviceToken;

	BackendClient(RecorderProperties properties) {
		this.baseUrl = properties.backendUrl().replaceAll("/+$", "");
		this.serviceToken = properties.serviceToken();
	}

	/** A fresh recorder token for the bot (the backend keeps only its hash). */
	String recorderToken(UUID botId) {
		String body = send("POST", "/api/v1/internal/bots/" + botId + "/recorder-token", null);
		return this.json.readTree(body).path("token").asString();
	}

	void report(UUID botId, BotState state, String detail, long serverSeconds) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("state", state.name());
		body.put("detail", detail);
		body.put("serverSeconds", serverSeconds);
		send("PUT", "/api/v1/internal/bots/" + botId + "/state", this.json.writeValueAsString(body));
	}

	private String send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.serviceToken)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new BackendException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body(),
						response.statusCode() >= 500);
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new BackendException(method + " " + path + " failed: " + ex.getMessage(), true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackendException("Interrupted", true);
		}
	}

	static class BackendException extends RuntimeException {

		private final boolean retryable;

		BackendException(String message, boolean retryable) {
			super(message);
			this.retryable = retryable;
		}

		boolean retryable() {
			return this.retryable;
		}

	}

}
