package io.aigenda.meetingcontroller.bot;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aigenda.contracts.internal.BotStateReport;
import io.aigenda.contracts.internal.BotStatus;
import io.aigenda.contracts.internal.InternalPaths;
import io.aigenda.contracts.internal.RecorderToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the backend's internal bot endpoints over HTTP with their contract records:
 * issues recorder tokens and keeps every state report, checking the service token and
 * reading bodies strictly, as the backend does.
 */
final class FakeBackend implements AutoCloseable {

	static final String SERVICE_TOKEN = "test-service-token";

	private static final String BOTS = InternalPaths.BOT.substring(0, InternalPaths.BOT.indexOf("{"));

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final HttpServer server;

	final Map<UUID, String> tokens = new ConcurrentHashMap<>();

	final List<Report> reports = new CopyOnWriteArrayList<>();

	FakeBackend() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext(BOTS, this::handle);
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
			respond(exchange, 401, new byte[0]);
			return;
		}
		String path = exchange.getRequestURI().getPath();
		UUID bot = UUID.fromString(path.substring(BOTS.length()).replaceAll("/.*", ""));
		String method = exchange.getRequestMethod();
		if (path.equals(InternalPaths.BOT_RECORDER_TOKEN.replace("{botId}", bot.toString())) && "POST".equals(method)) {
			String token = "agr_" + UUID.randomUUID();
			this.tokens.put(bot, token);
			respond(exchange, 200, this.json
				.writeValueAsBytes(new RecorderToken(bot, UUID.randomUUID(), token, Instant.now().plusSeconds(3600))));
		}
		else if (path.equals(InternalPaths.BOT_STATE.replace("{botId}", bot.toString())) && "PUT".equals(method)) {
			BotStateReport report = this.json.readValue(exchange.getRequestBody().readAllBytes(), BotStateReport.class);
			long serverSeconds = (report.serverSeconds() != null) ? report.serverSeconds() : 0;
			this.reports.add(new Report(bot, report.state(), report.detail(), serverSeconds));
			respond(exchange, 200, this.json.writeValueAsBytes(
					new BotStatus(bot, UUID.randomUUID(), report.state(), report.detail(), serverSeconds, 0, null)));
		}
		else {
			respond(exchange, 404, new byte[0]);
		}
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Report(UUID bot, String state, String detail, long serverSeconds) {
	}

}
