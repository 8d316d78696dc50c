package io.aigenda.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aigenda.contracts.internal.InternalPaths;

/**
 * A meeting page on this machine that plays a recording once a participant joins, and the
 * recorder's two peers played over HTTP: the backend's chunk endpoint with an S3-style
 * PUT target, and the controller's heartbeat endpoint.
 */
final class TestMeeting implements AutoCloseable {

	static final String TOKEN = "agr_test-recorder-token";

	private final HttpServer server;

	private final Path recording;

	final Map<Integer, byte[]> chunks = new ConcurrentHashMap<>();

	final List<String> heartbeats = new CopyOnWriteArrayList<>();

	volatile boolean askToLeave;

	/** A call where nobody says anything: the page's sound does not load. */
	volatile boolean silent;

	TestMeeting(Path recording) throws IOException {
		this.recording = recording;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/meeting/", this::page);
		this.server.createContext(InternalPaths.RECORDER + "/chunks/", this::chunkUrl);
		this.server.createContext("/s3/", this::store);
		this.server.createContext(InternalPaths.RECORDER_HEARTBEAT, this::heartbeat);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void page(HttpExchange exchange) throws IOException {
		if (exchange.getRequestURI().getPath().endsWith("/call.wav")) {
			if (this.silent) {
				respond(exchange, 404, "text/plain", new byte[0]);
				return;
			}
			respond(exchange, 200, "audio/wav", Files.readAllBytes(this.recording));
			return;
		}
		try (InputStream page = getClass().getResourceAsStream("/meeting/index.html")) {
			respond(exchange, 200, "text/html; charset=utf-8", page.readAllBytes());
		}
	}

	private void chunkUrl(HttpExchange exchange) throws IOException {
		if (!authorized(exchange)) {
			return;
		}
		int sequence = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll(".*/", ""));
		respond(exchange, 200, "application/json", ("{\"sequence\":" + sequence + ",\"url\":\"" + url() + "/s3/chunk-"
				+ sequence + "?X-Amz-Signature=test\"}")
			.getBytes());
	}

	private void store(HttpExchange exchange) throws IOException {
		int sequence = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll(".*chunk-", ""));
		this.chunks.put(sequence, exchange.getRequestBody().readAllBytes());
		respond(exchange, 200, "text/plain", new byte[0]);
	}

	private void heartbeat(HttpExchange exchange) throws IOException {
		if (!authorized(exchange)) {
			return;
		}
		String body = new String(exchange.getRequestBody().readAllBytes());
		this.heartbeats.add(body.replaceAll(".*\"phase\":\"([a-z]+)\".*", "$1"));
		respond(exchange, 200, "application/json",
				("{\"state\":\"RECORDING\",\"leave\":" + this.askToLeave + "}").getBytes());
	}

	private static boolean authorized(HttpExchange exchange) throws IOException {
		if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "application/json", "{}".getBytes());
			return false;
		}
		return true;
	}

	private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
