package io.aigenda.meetingcontroller.bot;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the backend's internal bot endpoints over HTTP: issues recorder tokens and keeps
 * every state report, checking the service token as the backend does.
 */
final class FakeBackend implements AutoCloseable {

	static final String SERVICE_TOKEN = "test-service-token";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	final Map<UUID, String> tokens = new ConcurrentHashMap<>();

	final List<Report> reports = new CopyOnWriteArrayList<>();

	FakeBackend() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/v1/internal/bots/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Report> reportsOf(UUID bot) {
		return this.reports.stream().filter(r -> r.bot().equals(bot)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		if (!("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{}");
			return;
		}
		String[] path = exchange.getRequestURI().getPath().split("/");
		UUID bot = UUID.fromString(path[5]);
		if (path.length == 7 && "recorder-token".equals(path[6]) && "POST".equals(exchange.getRequestMethod())) {
			String token = "agr_" + UUID.randomUUID();
			this.tokens.put(bot, token);
			respond(exchange, 200, "{\"botId\":\"" + bot + "\",\"token\":\"" + token + "\"}");
		}
		else if (path.length == 7 && "state".equals(path[6]) && "PUT".equals(exchange.getRequestMethod())) {
			JsonNode body = this.json.readTree(exchange.getRequestBody().readAllBytes());
			this.reports.add(new Report(bot, body.path("state").asString(), body.path("detail").asString(null),
					body.path("serverSeconds").asLong()));
			respond(exchange, 200, "{}");
		}
		else {
			respond(exchange, 404, "{}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Report(UUID bot, String state, String detail, long serverSeconds) {
	}

}
