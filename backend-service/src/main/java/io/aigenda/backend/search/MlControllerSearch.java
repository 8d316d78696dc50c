package io.aigenda.backend.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.BackendProperties;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.search.SearchDtos.Answer;
import io.aigenda.backend.search.SearchDtos.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** The ml-controller's search endpoints, always called with the caller's organisation. */
@Component
class MlControllerSearch {

	private static final Logger log = LoggerFactory.getLogger(MlControllerSearch.class);

	private final SearchProperties properties;

	private final String serviceToken;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	MlControllerSearch(SearchProperties properties, BackendProperties backend) {
		this.properties = properties;
		this.serviceToken = backend.serviceToken() == null ? "" : backend.serviceToken();
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	List<Passage> search(UUID organisationId, String query, int limit) {
		String path = "/internal/search?organisationId=" + organisationId + "&q=" + encode(query) + "&limit=" + limit;
		JavaType type = this.json.getTypeFactory().constructCollectionType(List.class, Passage.class);
		return this.json.readValue(get(path), type);
	}

	Answer ask(UUID organisationId, UUID meetingId, String question, int limit) {
		String path = "/internal/meetings/" + meetingId + "/ask?organisationId=" + organisationId + "&q="
				+ encode(question) + "&limit=" + limit;
		return this.json.readValue(get(path), Answer.class);
	}

	private byte[] get(String path) {
		HttpRequest request = HttpRequest.newBuilder(this.properties.mlControllerUrl().resolve(URI.create(path)))
			.timeout(this.properties.timeout())
			.header("Authorization", "Bearer " + this.serviceToken)
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				log.warn("Search at {} answered HTTP {}", this.properties.mlControllerUrl(), response.statusCode());
				throw unavailable();
			}
			return response.body();
		}
		catch (IOException | JacksonException ex) {
			log.warn("Search at {} failed: {}", this.properties.mlControllerUrl(), ex.getMessage());
			throw unavailable();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable();
		}
	}

	private static ApiException unavailable() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable",
				"Search is not available right now; try again in a minute");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
