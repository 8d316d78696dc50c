package io.aigenda.contracts.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one client of the services' synchronous API to one another ({@link InternalPaths}):
 * JSON records of this package in and out, a bearer token on every call, a connect and a
 * request timeout, and every failure as an {@link InternalApiException} with the status
 * and a one-line reason. One instance talks to one peer with one token: the service token
 * for the backend's and the ml-controller's internal endpoints, a recorder token for the
 * recorder endpoints.
 */
public final class InternalApiClient {

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

	private static final int MAX_REASON = 300;

	private final String baseUrl;

	private final String token;

	private final Duration requestTimeout;

	private final HttpClient http;

	// A tolerant reader: a newer peer may add fields to its answers. The servers read
	// strictly; this client only ever writes the fields its records have.
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * @param baseUrl the peer, e.g. {@code http://backend:8080}
	 * @param bearerToken sent as {@code Authorization: Bearer}; none when blank
	 * @param connectTimeout limit on opening a connection
	 * @param requestTimeout limit on one call, from sending to the whole answer
	 */
	public InternalApiClient(URI baseUrl, String bearerToken, Duration connectTimeout, Duration requestTimeout) {
		this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
		this.token = (bearerToken != null) ? bearerToken.strip() : "";
		this.requestTimeout = requestTimeout;
		// plain HTTP/1.1: no h2c upgrade attempt on every new connection
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
	}

	/** The backend: presigned URLs of one meeting's recording and artifacts. */
	public ArtifactUrls meetingArtifactUrls(UUID meetingId, ArtifactUrlsRequest request) {
		return call("POST", expand(InternalPaths.MEETING_ARTIFACT_URLS, meetingId), "", request,
				type(ArtifactUrls.class));
	}

	/** The backend: presigned URLs of one voiceprint enrolment's clip and artifacts. */
	public ArtifactUrls voiceprintArtifactUrls(UUID voiceprintId, ArtifactUrlsRequest request) {
		return call("POST", expand(InternalPaths.VOICEPRINT_ARTIFACT_URLS, voiceprintId), "", request,
				type(ArtifactUrls.class));
	}

	/** The backend: a fresh recorder token for the bot (the backend keeps its hash). */
	public RecorderToken recorderToken(UUID botId) {
		return call("POST", expand(InternalPaths.BOT_RECORDER_TOKEN, botId), "", null, type(RecorderToken.class));
	}

	/** The backend: a bot's new state; answers the bot as the backend now has it. */
	public BotStatus reportBotState(UUID botId, BotStateReport report) {
		return call("PUT", expand(InternalPaths.BOT_STATE, botId), "", report, type(BotStatus.class));
	}

	/** The backend, with a recorder token: where to upload chunk {@code sequence}. */
	public ChunkUrl chunkUrl(int sequence) {
		return call("POST", expand(InternalPaths.RECORDER_CHUNK, sequence), "", null, type(ChunkUrl.class));
	}

	/** The meeting-controller, with a recorder token: a heartbeat. */
	public HeartbeatAnswer heartbeat(Heartbeat heartbeat) {
		return call("POST", InternalPaths.RECORDER_HEARTBEAT, "", heartbeat, type(HeartbeatAnswer.class));
	}

	/**
	 * The ml-controller: passages of the organisation's meetings nearest to the query.
	 */
	public List<Passage> search(UUID organisationId, String query, int limit) {
		return call("GET", InternalPaths.SEARCH, query(organisationId, query, limit), null,
				this.json.getTypeFactory().constructCollectionType(List.class, Passage.class));
	}

	/** The ml-controller: an answer to a question about one meeting. */
	public Answer ask(UUID organisationId, UUID meetingId, String question, int limit) {
		return call("GET", expand(InternalPaths.ASK, meetingId), query(organisationId, question, limit), null,
				type(Answer.class));
	}

	private <T> T call(String method, String path, String query, Object body, JavaType answerType) {
		String call = method + " " + path;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path + query))
			.timeout(this.requestTimeout)
			.header("Accept", "application/json, application/problem+json");
		if (!this.token.isEmpty()) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new InternalApiException(call, 0, oneLine(String.valueOf(ex)), null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InternalApiException(call, 0, "interrupted", null, ex);
		}
		int status = response.statusCode();
		if (status / 100 != 2) {
			throw problem(call, status, response.body());
		}
		try {
			return this.json.readValue(response.body(), answerType);
		}
		catch (JacksonException ex) {
			throw new InternalApiException(call, status, "unreadable answer: " + oneLine(ex.getOriginalMessage()), null,
					ex);
		}
	}

	/**
	 * The error answer as an exception: RFC 9457 problem details give their
	 * {@code detail} (or {@code title}) and {@code type}; any other body is cut to one
	 * short line.
	 */
	private InternalApiException problem(String call, int status, byte[] body) {
		String text = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		String reason = null;
		String type = null;
		try {
			JsonNode problem = text.isBlank() ? null : this.json.readTree(text);
			if (problem != null && problem.isObject()) {
				reason = firstText(problem, "detail", "title", "message", "error");
				type = firstText(problem, "type");
			}
		}
		catch (JacksonException ex) {
			// not JSON: the body itself is the reason
		}
		if (reason == null) {
			reason = text.isBlank() ? "no details" : text;
		}
		return new InternalApiException(call, status, oneLine(reason), type, null);
	}

	private static String firstText(JsonNode node, String... fields) {
		for (String field : fields) {
			JsonNode value = node.get(field);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		return null;
	}

	private static String oneLine(String text) {
		String line = String.valueOf(text).replaceAll("\\s+", " ").strip();
		return (line.length() > MAX_REASON) ? line.substring(0, MAX_REASON) + "..." : line;
	}

	private JavaType type(Class<?> type) {
		return this.json.getTypeFactory().constructType(type);
	}

	private static String query(UUID organisationId, String text, int limit) {
		return "?" + InternalPaths.ORGANISATION_ID + "=" + organisationId + "&" + InternalPaths.QUERY + "="
				+ encode(text) + "&" + InternalPaths.LIMIT + "=" + limit;
	}

	/** The template with its path variables, in order, filled in. */
	static String expand(String template, Object... values) {
		Matcher variables = PATH_VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		int next = 0;
		while (variables.find()) {
			if (next == values.length) {
				throw new IllegalArgumentException(template + " needs more than " + values.length + " values");
			}
			variables.appendReplacement(path, Matcher.quoteReplacement(encode(String.valueOf(values[next++]))));
		}
		variables.appendTail(path);
		return path.toString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
