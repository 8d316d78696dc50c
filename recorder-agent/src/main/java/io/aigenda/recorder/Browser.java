package io.aigenda.recorder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol: one page, navigated to
 * the call, scripts evaluated in it. It plays the call's sound into the recorder's
 * PulseAudio sink.
 */
final class Browser implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final WebSocket socket;

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private Browser(Process process, WebSocket socket) {
		this.process = process;
		this.socket = socket;
	}

	static Browser start(String binary, Path profile, PulseAudio pulse) throws IOException, InterruptedException {
		Files.createDirectories(profile);
		// the flags keep a closed network quiet (no update, sync or metrics calls) and
		// let the call's
		// sound play without a user gesture; media permissions are granted without a
		// prompt
		ProcessBuilder builder = new ProcessBuilder(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
				"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--window-size=1280,800",
				"--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"))
			.redirectErrorStream(true)
			.redirectOutput(profile.resolveSibling("chromium.log").toFile());
		pulse.configure(builder);
		Process process = builder.start();
		try {
			Path portFile = profile.resolve("DevToolsActivePort");
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					throw new IOException("Chromium did not start; see " + profile.resolveSibling("chromium.log"));
				}
				Thread.sleep(100);
			}
			int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
			HttpClient http = HttpClient.newHttpClient();
			String pageSocket = null;
			while (pageSocket == null) {
				String targets = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body();
				for (JsonNode target : JSON.readTree(targets)) {
					if ("page".equals(target.path("type").asString())) {
						pageSocket = target.path("webSocketDebuggerUrl").asString();
					}
				}
				if (pageSocket == null) {
					Thread.sleep(100);
				}
			}
			Listener listener = new Listener();
			WebSocket socket = http.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.buildAsync(URI.create(pageSocket), listener)
				.join();
			Browser browser = new Browser(process, socket);
			listener.browser = browser;
			browser.call("Page.enable", JSON.createObjectNode());
			return browser;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			Processes.stop(process);
			throw ex;
		}
	}

	void navigate(String url) {
		ObjectNode params = JSON.createObjectNode();
		params.put("url", url);
		call("Page.navigate", params);
	}

	/**
	 * Evaluates an expression in the page and returns its value as a string ("" when
	 * none).
	 */
	String evaluate(String expression) {
		ObjectNode params = JSON.createObjectNode();
		params.put("expression", expression);
		params.put("returnByValue", true);
		params.put("awaitPromise", true);
		JsonNode result = call("Runtime.evaluate", params);
		JsonNode value = result.path("result").path("value");
		return value.isMissingNode() || value.isNull() ? "" : value.asString();
	}

	boolean alive() {
		return this.process.isAlive();
	}

	private JsonNode call(String method, ObjectNode params) {
		int id = this.ids.incrementAndGet();
		ObjectNode message = JSON.createObjectNode();
		message.put("id", id);
		message.put("method", method);
		message.set("params", params);
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		this.pending.put(id, answer);
		this.socket.sendText(JSON.writeValueAsString(message), true).join();
		try {
			JsonNode response = answer.get(30, TimeUnit.SECONDS);
			if (response.has("error")) {
				throw new IllegalStateException(method + ": " + response.path("error").path("message").asString());
			}
			return response.path("result");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException(method + " got no answer", ex);
		}
		finally {
			this.pending.remove(id);
		}
	}

	@Override
	public void close() {
		try {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "leaving").get(2, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// the browser is stopped below either way
		}
		Processes.stop(this.process);
	}

	private static final class Listener implements WebSocket.Listener {

		private final StringBuilder buffer = new StringBuilder();

		private volatile Browser browser;

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.buffer.append(data);
			if (last) {
				JsonNode message = JSON.readTree(this.buffer.toString());
				this.buffer.setLength(0);
				if (message.has("id") && this.browser != null) {
					CompletableFuture<JsonNode> answer = this.browser.pending.get(message.path("id").asInt());
					if (answer != null) {
						answer.complete(message);
					}
				}
			}
			webSocket.request(1);
			return null;
		}

	}

}
