package io.aigenda.mlcontroller;

import java.io.IOException;
import java.io.InputStream;
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
import io.aigenda.contracts.internal.ArtifactUrls;
import io.aigenda.contracts.internal.ArtifactUrlsRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the backend's internal artifact-urls endpoint and the S3 server behind the URLs
 * it hands out: URLs point back at this server, and PUT bodies are kept in memory by key.
 */
public final class FakeBackend implements AutoCloseable {

	public static final String SERVICE_TOKEN = "test-service-token";

	public static final UUID ORGANISATION = UUID.fromString("0b0e0000-0000-4000-8000-000000000001");

	private static final String INTERNAL = "/api/v1/internal/meetings/";

	private static final String INTERNAL_VOICEPRINTS = "/api/v1/internal/voiceprints/";

	private static final String S3 = "/s3/";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

	private final Map<UUID, List<ArtifactUrlsRequest>> requests = new ConcurrentHashMap<>();

	private volatile boolean refusing;

	public FakeBackend() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext(INTERNAL, this::artifactUrls);
		this.server.createContext(INTERNAL_VOICEPRINTS, this::artifactUrls);
		this.server.createContext(S3, this::object);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public static String key(UUID meetingId, String name) {
		String meeting = "orgs/" + ORGANISATION + "/meetings/" + meetingId;
		return "recording".equals(name) ? meeting + "/recording" : meeting + "/artifacts/" + name;
	}

	/** Where an enrolled voiceprint's clip ({@code clip}) and artifacts live. */
	public static String voiceprintKey(UUID voiceprintId, String name) {
		String voiceprint = "orgs/" + ORGANISATION + "/voiceprints/" + voiceprintId;
		return "clip".equals(name) ? voiceprint + "/clip" : voiceprint + "/artifacts/" + name;
	}

	public byte[] object(String key) {
		return this.objects.get(key);
	}

	public void putObject(String key, byte[] body) {
		this.objects.put(key, body);
	}

	/** The artifact-urls requests the controller made for one meeting, in order. */
	public List<ArtifactUrlsRequest> requests(UUID meetingId) {
		return this.requests.getOrDefault(meetingId, List.of());
	}

	/**
	 * While refusing, the internal endpoint answers 503, as a backend being restarted
	 * would.
	 */
	public void refuse(boolean refusing) {
		this.refusing = refusing;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void artifactUrls(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				answer(exchange, 401, "{\"title\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
				return;
			}
			if (this.refusing) {
				answer(exchange, 503, "{\"title\":\"Service Unavailable\"}".getBytes(StandardCharsets.UTF_8));
				return;
			}
			String path = exchange.getRequestURI().getPath();
			boolean voiceprint = path.startsWith(INTERNAL_VOICEPRINTS);
			int from = (voiceprint ? INTERNAL_VOICEPRINTS : INTERNAL).length();
			UUID meetingId = UUID.fromString(path.substring(from, path.indexOf('/', from)));
			java.util.function.BiFunction<UUID, String, String> keyOf = voiceprint ? FakeBackend::voiceprintKey
					: FakeBackend::key;
			ArtifactUrlsRequest request;
			try (InputStream in = exchange.getRequestBody()) {
				request = this.json.readValue(in, ArtifactUrlsRequest.class);
			}
			this.requests.computeIfAbsent(meetingId, (id) -> new CopyOnWriteArrayList<>()).add(request);
			Map<String, String> get = new java.util.HashMap<>();
			Map<String, String> put = new java.util.HashMap<>();
			Map<String, String> keys = new java.util.HashMap<>();
			String signature = "?X-Amz-Expires=" + request.ttlSeconds() + "&X-Amz-Signature=" + UUID.randomUUID();
			for (String name : request.get()) {
				keys.put(name, keyOf.apply(meetingId, name));
				get.put(name, url() + S3 + keyOf.apply(meetingId, name) + signature);
			}
			for (String name : request.put()) {
				keys.put(name, keyOf.apply(meetingId, name));
				put.put(name, url() + S3 + keyOf.apply(meetingId, name) + signature);
			}
			answer(exchange, 200, this.json.writeValueAsBytes(new ArtifactUrls(get, put, keys)));
		}
	}

	private void object(HttpExchange exchange) throws IOException {
		try (exchange) {
			String key = exchange.getRequestURI().getPath().substring(S3.length());
			switch (exchange.getRequestMethod()) {
				case "PUT" -> {
					try (InputStream in = exchange.getRequestBody()) {
						this.objects.put(key, in.readAllBytes());
					}
					answer(exchange, 200, new byte[0]);
				}
				case "GET" -> {
					byte[] body = this.objects.get(key);
					if (body == null) {
						answer(exchange, 404, "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8));
					}
					else {
						answer(exchange, 200, body);
					}
				}
				default -> answer(exchange, 405, new byte[0]);
			}
		}
	}

	private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
