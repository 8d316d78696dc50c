package io.aigenda.messaging.step;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server in the role of the object store behind presigned URLs, for tests of
 * worker steps: serves recordings and documents, takes JSON uploads under
 * {@code /artifacts/NAME}, and answers 404 for anything else. Shared with the workers'
 * tests through this module's test jar.
 */
public final class PresignedStorage implements AutoCloseable {

	private static final String ARTIFACTS = "/artifacts/";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

	private PresignedStorage(HttpServer server) {
		this.server = server;
	}

	public static PresignedStorage start() {
		try {
			PresignedStorage storage = new PresignedStorage(
					HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
			// a slow object holds a thread while the others are served
			storage.server.setExecutor(storage.executor);
			storage.server.createContext(ARTIFACTS, storage::store);
			storage.server.createContext("/", exchange -> respond(exchange, 404, new byte[0]));
			storage.server.start();
			return storage;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Answers GETs of {@code path} with {@code body}. */
	public PresignedStorage serve(String path, byte[] body) {
		return serveAfter(path, Duration.ZERO, body);
	}

	/** Answers GETs of {@code path} with the file as it is when asked. */
	public PresignedStorage serve(String path, Path file) {
		this.server.createContext(path, exchange -> {
			if (get(exchange)) {
				respond(exchange, 200, Files.readAllBytes(file));
			}
		});
		return this;
	}

	/** Answers GETs of {@code path} with {@code body}, {@code delay} late. */
	public PresignedStorage serveAfter(String path, Duration delay, byte[] body) {
		this.server.createContext(path, exchange -> {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (get(exchange)) {
				respond(exchange, 200, body);
			}
		});
		return this;
	}

	/** A presigned-looking URL of {@code path}. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path + "?X-Amz-Signature=abc";
	}

	/** The presigned-looking PUT URL of an artifact. */
	public String uploadUrl(String name) {
		return url(ARTIFACTS + name);
	}

	/**
	 * The body of the artifact uploaded under {@code name}, or null when there is none.
	 */
	public byte[] stored(String name) {
		return this.stored.get(name);
	}

	public boolean hasStored(String name) {
		return this.stored.containsKey(name);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void store(HttpExchange exchange) throws IOException {
		if (!"PUT".equals(exchange.getRequestMethod())
				|| !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
			respond(exchange, 400, new byte[0]);
			return;
		}
		String name = exchange.getRequestURI().getPath().substring(ARTIFACTS.length());
		try (InputStream body = exchange.getRequestBody()) {
			this.stored.put(name, body.readAllBytes());
		}
		respond(exchange, 200, new byte[0]);
	}

	private static boolean get(HttpExchange exchange) throws IOException {
		if ("GET".equals(exchange.getRequestMethod())) {
			return true;
		}
		respond(exchange, 405, new byte[0]);
		return false;
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

}
