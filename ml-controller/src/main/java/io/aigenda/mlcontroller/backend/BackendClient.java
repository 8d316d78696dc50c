package io.aigenda.mlcontroller.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.internal.ArtifactUrls;
import io.aigenda.contracts.internal.ArtifactUrlsRequest;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.mlcontroller.MlControllerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend's internal API (presigned URLs per meeting or voiceprint, through the
 * shared {@link InternalApiClient}) and JSON transfers through presigned URLs. The
 * controller holds no S3 credentials: every object it reads or writes goes through a URL
 * the backend signed.
 */
@Component
public class BackendClient {

	private static final Logger log = LoggerFactory.getLogger(BackendClient.class);

	private static final int MAX_ERROR_BODY = 300;

	private final MlControllerProperties properties;

	private final HttpClient http;

	private final JsonMapper json;

	private final InternalApiClient backend;

	BackendClient(MlControllerProperties properties) {
		this.properties = properties;
		this.backend = new InternalApiClient(properties.backendUrl(), properties.serviceToken(),
				properties.httpTimeout(), properties.httpTimeout());
		this.http = HttpClient.newBuilder().connectTimeout(properties.httpTimeout()).build();
		// Tolerant reader: a newer writer may add fields to a document.
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		if (properties.serviceToken().isBlank()) {
			log.warn("aigenda.ml-controller.service-token is not set; the backend will refuse to sign URLs");
		}
	}

	/**
	 * Presigned URLs for one meeting's recording and artifacts, valid for {@code ttl}.
	 */
	public ArtifactUrls artifactUrls(UUID meetingId, List<String> get, List<String> put, Duration ttl) {
		return complete(this.backend.meetingArtifactUrls(meetingId, new ArtifactUrlsRequest(get, put, ttl.toSeconds())),
				get, put);
	}

	/**
	 * Presigned URLs for an enrolled voiceprint's objects: {@code clip} is the uploaded
	 * audio, anything else a JSON artifact of the enrolment.
	 */
	public ArtifactUrls voiceprintUrls(UUID voiceprintId, List<String> get, List<String> put, Duration ttl) {
		return complete(
				this.backend.voiceprintArtifactUrls(voiceprintId, new ArtifactUrlsRequest(get, put, ttl.toSeconds())),
				get, put);
	}

	/** The answer, once it is known to have a URL (and a key) for every name asked. */
	private static ArtifactUrls complete(ArtifactUrls urls, List<String> get, List<String> put) {
		for (String name : get) {
			require(urls.getUrls() != null && urls.getUrls().containsKey(name), "no GET URL for " + name);
		}
		for (String name : put) {
			require(urls.putUrls() != null && urls.putUrls().containsKey(name), "no PUT URL for " + name);
			require(urls.keys() != null && urls.keys().containsKey(name), "no key for " + name);
		}
		return urls;
	}

	/** Reads a JSON document through a presigned GET URL. */
	public <T> T getJson(String url, Class<T> type) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.properties.httpTimeout())
			.GET()
			.build();
		return read(send(request, "GET " + type.getSimpleName()), type, type.getSimpleName());
	}

	/** Writes a JSON document through a presigned PUT URL. */
	public void putJson(String url, Object document) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.properties.httpTimeout())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(document)))
			.build();
		send(request, "PUT " + document.getClass().getSimpleName());
	}

	private byte[] send(HttpRequest request, String what) {
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new BackendException(what + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackendException(what + " was interrupted", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new BackendException(what + " answered HTTP " + response.statusCode() + errorText(response.body()));
		}
		return response.body();
	}

	private <T> T read(byte[] body, Class<T> type, String what) {
		try {
			return this.json.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw new BackendException(what + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw new BackendException("Backend artifact-urls answer has " + problem);
		}
	}

	private static String errorText(byte[] body) {
		if (body == null || body.length == 0) {
			return "";
		}
		String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
		return ": " + (text.length() > MAX_ERROR_BODY ? text.substring(0, MAX_ERROR_BODY) + "..." : text);
	}

}
