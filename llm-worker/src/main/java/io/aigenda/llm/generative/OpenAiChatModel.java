package io.aigenda.llm.generative;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.aigenda.llm.minutes.LlmProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat completions API of OpenAI-compatible servers (vLLM, Ollama, llama.cpp server,
 * ...), streamed as server-sent events. Output is constrained to the JSON schema with
 * {@code response_format: json_schema}; a server that answers 400 to that is asked again
 * without it, and not asked with it again. A stream that ends before {@code [DONE]} or a
 * finish reason, an answer cut at the token limit, and any non-2xx status are
 * {@link ChatException}s.
 */
public final class OpenAiChatModel implements ChatModel {

	public static final String ENGINE = "openai";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LlmProperties.OpenAi options;

	private final HttpClient http;

	private final AtomicBoolean schemaSupported;

	public OpenAiChatModel(LlmProperties.OpenAi options) {
		this.options = options;
		this.http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
		this.schemaSupported = new AtomicBoolean(options.jsonSchema());
	}

	@Override
	public String engine() {
		return ENGINE;
	}

	@Override
	public String chat(List<ChatMessage> messages, String jsonSchema) {
		boolean withSchema = jsonSchema != null && this.schemaSupported.get();
		HttpResponse<byte[]> response = send(body(messages, withSchema ? jsonSchema : null));
		if (response.statusCode() == 400 && withSchema) {
			String error = read(new ByteArrayInputStream(response.body()));
			if (error.contains("response_format") || error.contains("json_schema")) {
				this.schemaSupported.set(false);
				response = send(body(messages, null));
			}
			else {
				throw new ChatException("HTTP 400 from " + this.options.baseUrl() + ": " + oneLine(error));
			}
		}
		if (response.statusCode() / 100 != 2) {
			String message = "HTTP " + response.statusCode() + " from " + this.options.baseUrl() + ": "
					+ oneLine(read(new ByteArrayInputStream(response.body())));
			// overloaded or broken server: the next request would fare no better
			boolean unavailable = response.statusCode() >= 500 || response.statusCode() == 429;
			throw unavailable ? ChatException.unavailable(message, null) : new ChatException(message);
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		InputStream body = new ByteArrayInputStream(response.body());
		return type.startsWith("text/event-stream") ? readStream(body) : readCompletion(body);
	}

	private String body(List<ChatMessage> messages, String jsonSchema) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", this.options.model());
		body.put("messages", messages.stream().map(m -> Map.of("role", m.role(), "content", m.content())).toList());
		body.put("temperature", this.options.temperature());
		body.put("max_tokens", this.options.maxTokens());
		body.put("stream", true);
		if (jsonSchema != null) {
			body.put("response_format", Map.of("type", "json_schema", "json_schema",
					Map.of("name", "minutes", "schema", JSON.readTree(jsonSchema))));
		}
		return JSON.writeValueAsString(body);
	}

	private HttpResponse<byte[]> send(String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(trimSlash(this.options.baseUrl()) + "/chat/completions"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream, application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (!this.options.apiKey().isBlank()) {
			request.header("Authorization", "Bearer " + this.options.apiKey());
		}
		// the whole answer, stream included, within the timeout (a request timeout would
		// cover only the wait for the headers, and a server that stalls mid-stream would
		// hold the worker forever)
		CompletableFuture<HttpResponse<byte[]>> answer = this.http.sendAsync(request.build(),
				HttpResponse.BodyHandlers.ofByteArray());
		try {
			return answer.get(this.options.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw ChatException.unavailable(String.format(Locale.ROOT, "No complete answer from %s within %.1f s",
					this.options.baseUrl(), this.options.timeout().toMillis() / 1000.0), ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			// no connection, or one cut mid-stream
			throw ChatException.unavailable("Cannot reach " + this.options.baseUrl() + ": " + cause.getMessage(),
					cause);
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			throw new ChatException("Interrupted while waiting for " + this.options.baseUrl(), ex);
		}
	}

	/** Server-sent events: {@code data: {chunk}} lines, then {@code data: [DONE]}. */
	static String readStream(InputStream body) {
		StringBuilder text = new StringBuilder();
		String finish = null;
		boolean done = false;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.startsWith("data:")) {
					continue;
				}
				String data = line.substring(5).strip();
				if (data.equals("[DONE]")) {
					done = true;
					break;
				}
				JsonNode chunk = parse(data);
				if (chunk.has("error")) {
					throw new ChatException(
							"The server reported an error mid-stream: " + oneLine(chunk.get("error").toString()));
				}
				JsonNode choice = chunk.path("choices").path(0);
				String piece = choice.path("delta").path("content").asString(null);
				if (piece != null) {
					text.append(piece);
				}
				String reason = choice.path("finish_reason").asString(null);
				if (reason != null) {
					finish = reason;
				}
			}
		}
		catch (IOException ex) {
			throw ChatException.unavailable("The answer stream broke off: " + ex.getMessage(), ex);
		}
		if (finish == null && !done) {
			throw new ChatException(
					"The answer stream ended before the model finished (" + text.length() + " characters)");
		}
		return finished(text.toString(), finish);
	}

	static String readCompletion(InputStream body) {
		JsonNode completion = parse(read(body));
		JsonNode choice = completion.path("choices").path(0);
		String content = choice.path("message").path("content").asString(null);
		if (content == null) {
			throw new ChatException("The completion has no message content");
		}
		return finished(content, choice.path("finish_reason").asString(null));
	}

	private static String finished(String text, String finish) {
		if ("length".equals(finish)) {
			throw new ChatException("The answer was cut at the token limit (" + text.length() + " characters)");
		}
		return text;
	}

	private static JsonNode parse(String data) {
		try {
			return JSON.readTree(data);
		}
		catch (JacksonException ex) {
			throw new ChatException("The server sent malformed JSON: " + oneLine(data), ex);
		}
	}

	private static String read(InputStream body) {
		try (body) {
			return new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ChatException("Cannot read the answer: " + ex.getMessage(), ex);
		}
	}

	static String oneLine(String text) {
		String line = text.replaceAll("\\s+", " ").strip();
		return line.length() > 200 ? line.substring(0, 200) + "..." : line;
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
