package io.aigenda.llm.generative;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server that speaks the OpenAI chat completions wire format: it records
 * each request and answers with the next queued response, in the payload shapes
 * OpenAI-compatible servers send (streamed {@code chat.completion.chunk} events, a
 * {@code chat.completion}, or an error object).
 */
final class ReplayServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A queued answer.
	 *
	 * @param delayMillis how long the server thinks before it answers
	 * @param stallMillis how long it stays silent after the body before closing (a stream
	 * that stops mid-answer)
	 */
	record Reply(int status, String contentType, String body, long delayMillis, long stallMillis) {

		Reply(int status, String contentType, String body) {
			this(status, contentType, body, 0, 0);
		}

	}

	private final HttpServer server;

	private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();

	private final Deque<Reply> replies = new ArrayDeque<>();

	private final List<JsonNode> requests = new ArrayList<>();

	private final List<String> authorizations = new ArrayList<>();

	ReplayServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/chat/completions", exchange -> {
			byte[] request = exchange.getRequestBody().readAllBytes();
			Reply reply;
			synchronized (this) {
				this.requests.add(JSON.readTree(request));
				this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
				reply = this.replies.isEmpty()
						? new Reply(500, "application/json",
								"{\"error\":{\"message\":\"no reply queued\",\"type\":\"server_error\"}}")
						: this.replies.poll();
			}
			sleep(reply.delayMillis());
			byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", reply.contentType());
			// length 0: chunked, as streaming servers send it
			exchange.sendResponseHeaders(reply.status(),
					reply.contentType().startsWith("text/event-stream") ? 0 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
				if (reply.stallMillis() > 0) {
					out.flush();
					sleep(reply.stallMillis());
				}
			}
		});
		// a client that gave up must not hold the next request behind a sleeping one
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	synchronized ReplayServer reply(Reply reply) {
		this.replies.add(reply);
		return this;
	}

	/**
	 * The answer streamed in pieces of a few characters, ending with finish_reason stop
	 * and [DONE].
	 */
	ReplayServer stream(String content) {
		return reply(new Reply(200, "text/event-stream", sse(content, true, "stop")));
	}

	/**
	 * The answer as llama.cpp's {@code llama-server} streams it (the server of the
	 * compose gpu profile and the k8s-llm overlay): a role chunk with null content,
	 * content chunks of a token or two, a finish chunk, then a chunk with empty
	 * {@code choices} carrying {@code usage} and {@code timings}, then [DONE].
	 */
	ReplayServer llamaServer(String content) {
		StringBuilder out = new StringBuilder();
		java.util.LinkedHashMap<String, Object> role = new java.util.LinkedHashMap<>();
		role.put("role", "assistant");
		role.put("content", null);
		out.append(llamaChunk(List.of(llamaChoice(role, null)), null));
		for (int i = 0; i < content.length(); i += 4) {
			out.append(
					llamaChunk(
							List.of(llamaChoice(
									Map.of("content", content.substring(i, Math.min(content.length(), i + 4))), null)),
							null));
		}
		out.append(llamaChunk(List.of(llamaChoice(Map.of(), "stop")), null));
		int completion = content.length() / 4 + 1;
		out.append(llamaChunk(List.of(),
				Map.of("usage",
						Map.of("completion_tokens", completion, "prompt_tokens", 1207, "total_tokens",
								1207 + completion),
						"timings", Map.of("prompt_n", 1207, "prompt_ms", 412.3, "predicted_n", completion,
								"predicted_ms", completion * 14.6))));
		out.append("data: [DONE]\n\n");
		return reply(new Reply(200, "text/event-stream", out.toString()));
	}

	private static Map<String, Object> llamaChoice(Map<String, Object> delta, String finish) {
		java.util.LinkedHashMap<String, Object> choice = new java.util.LinkedHashMap<>();
		choice.put("finish_reason", finish);
		choice.put("index", 0);
		choice.put("delta", delta);
		return choice;
	}

	private static String llamaChunk(List<Map<String, Object>> choices, Map<String, Object> extra) {
		java.util.LinkedHashMap<String, Object> chunk = new java.util.LinkedHashMap<>();
		chunk.put("choices", choices);
		chunk.put("created", 1765075200);
		chunk.put("id", "chatcmpl-x7Qm2VfR0aLkP3sYtB9nWcE1uHdJ6gZo");
		chunk.put("model", "mistral-7b-instruct");
		chunk.put("system_fingerprint", "b6915-a3d0e7c1f");
		chunk.put("object", "chat.completion.chunk");
		if (extra != null) {
			chunk.putAll(extra);
		}
		return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
	}

	ReplayServer completion(String content) {
		String body = JSON.writeValueAsString(Map.of("id", "chatcmpl-AiG3kqL0Jm4Yx9", "object", "chat.completion",
				"created", 1732590000, "model", "mistral-7b-instruct", "choices",
				List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason",
						"stop")),
				"usage", Map.of("prompt_tokens", 812, "completion_tokens", 214, "total_tokens", 1026)));
		return reply(new Reply(200, "application/json", body));
	}

	synchronized List<JsonNode> requests() {
		return List.copyOf(this.requests);
	}

	synchronized List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	static String sse(String content, boolean done, String finish) {
		StringBuilder out = new StringBuilder();
		out.append(event(Map.of("role", "assistant", "content", ""), null));
		for (int i = 0; i < content.length(); i += 7) {
			out.append(event(Map.of("content", content.substring(i, Math.min(content.length(), i + 7))), null));
		}
		if (finish != null) {
			out.append(event(Map.of(), finish));
		}
		if (done) {
			out.append("data: [DONE]\n\n");
		}
		return out.toString();
	}

	private static String event(Map<String, Object> delta, String finish) {
		java.util.LinkedHashMap<String, Object> choice = new java.util.LinkedHashMap<>();
		choice.put("index", 0);
		choice.put("delta", delta);
		choice.put("logprobs", null);
		choice.put("finish_reason", finish);
		java.util.LinkedHashMap<String, Object> chunk = new java.util.LinkedHashMap<>();
		chunk.put("id", "chatcmpl-AiG3kqL0Jm4Yx9");
		chunk.put("object", "chat.completion.chunk");
		chunk.put("created", 1732590000);
		chunk.put("model", "mistral-7b-instruct");
		chunk.put("system_fingerprint", null);
		chunk.put("choices", List.of(choice));
		return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
