package io.aigenda.contracts.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client's wire behaviour against a local HTTP server that answers as our services
 * do, RFC 9457 problem details included. The services' own integration tests call their
 * real endpoints with it.
 */
class InternalApiClientTest {

	private HttpServer server;

	private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String contentType = "application/json";

	private volatile String answer = "{}";

	private volatile long delayMillis;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void sendsTheRecordAsJsonWithTheBearerTokenToTheSharedPath() {
		UUID bot = UUID.randomUUID();
		this.answer = "{\"id\":\"" + bot + "\",\"state\":\"FAILED\",\"serverSeconds\":31,\"chunks\":2,"
				+ "\"finishedAt\":\"2025-01-02T03:04:05Z\",\"url\":\"a field this client does not know\"}";

		BotStatus status = client("s3cret").reportBotState(bot, new BotStateReport("FAILED", "exited", 31L));

		Map<String, String> request = this.requests.get(0);
		assertThat(request).containsEntry("method", "PUT")
			.containsEntry("path", InternalApiClient.expand(InternalPaths.BOT_STATE, bot))
			.containsEntry("path", "/api/v1/internal/bots/" + bot + "/state")
			.containsEntry("authorization", "Bearer s3cret")
			.containsEntry("contentType", "application/json")
			.containsEntry("body", "{\"state\":\"FAILED\",\"detail\":\"exited\",\"serverSeconds\":31}");
		assertThat(status.state()).isEqualTo("FAILED");
		assertThat(status.chunks()).isEqualTo(2);
		assertThat(status.finishedAt()).isEqualTo("2025-01-02T03:04:05Z");
	}

	@Test
	void searchTextTravelsEncodedInTheQuery() {
		UUID organisation = UUID.randomUUID();
		this.answer = "[{\"meetingId\":\"" + UUID.randomUUID() + "\",\"start\":1.5,\"end\":4,\"speakers\":[\"S1\"],"
				+ "\"topic\":\"Budget\",\"text\":\"invoices\",\"score\":0.7}]";

		List<Passage> passages = client("s3cret").search(organisation, "who pays & when?", 5);

		assertThat(passages).singleElement().satisfies((passage) -> assertThat(passage.start()).isEqualTo(1.5));
		assertThat(this.requests.get(0)).containsEntry("path", InternalPaths.SEARCH)
			.containsEntry("query", "organisationId=" + organisation + "&q=who%20pays%20%26%20when%3F&limit=5");
	}

	@Test
	void aProblemAnswerBecomesTheExceptionWithStatusReasonAndType() {
		this.status = 400;
		this.contentType = "application/problem+json";
		this.answer = """
				{"type":"https://aigenda.io/problems/unknown-field","title":"Bad Request","status":400,
				 "detail":"Unknown field 'colour';\\nremove it"}""";

		InternalApiException failure = catchThrowableOfType(InternalApiException.class, () -> client("s3cret")
			.meetingArtifactUrls(UUID.randomUUID(), new ArtifactUrlsRequest(List.of(), List.of(), 60)));

		assertThat(failure.status()).isEqualTo(400);
		assertThat(failure.reason()).isEqualTo("Unknown field 'colour'; remove it");
		assertThat(failure.problemType()).isEqualTo("https://aigenda.io/problems/unknown-field");
		assertThat(failure.retryable()).isFalse();
		assertThat(failure.getMessage()).startsWith("POST /api/v1/internal/meetings/")
			.endsWith("answered 400: Unknown field 'colour'; remove it");
	}

	@Test
	void aProblemWithoutDetailGivesItsTitleAndAnyOtherBodyIsCutToOneLine() {
		this.status = 503;
		this.answer = "{\"title\":\"Service Unavailable\",\"status\":503}";
		InternalApiException unavailable = catchThrowableOfType(InternalApiException.class,
				() -> client("s3cret").recorderToken(UUID.randomUUID()));
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.reason()).isEqualTo("Service Unavailable");
		assertThat(unavailable.retryable()).isTrue();

		this.status = 502;
		this.contentType = "text/html";
		this.answer = "<html>\n<body>Bad gateway " + "x".repeat(1000) + "</body></html>";
		InternalApiException gateway = catchThrowableOfType(InternalApiException.class,
				() -> client("s3cret").chunkUrl(3));
		assertThat(gateway.status()).isEqualTo(502);
		assertThat(gateway.reason()).startsWith("<html> <body>Bad gateway").doesNotContain("\n").hasSizeLessThan(310);
		assertThat(gateway.problemType()).isNull();
	}

	@Test
	void noAnswerIsStatusZeroAndRetryable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		InternalApiClient nowhere = new InternalApiClient(URI.create("http://127.0.0.1:" + closedPort), "t",
				Duration.ofSeconds(2), Duration.ofSeconds(2));

		InternalApiException refused = catchThrowableOfType(InternalApiException.class,
				() -> nowhere.heartbeat(new Heartbeat("recording", null)));

		assertThat(refused.status()).isZero();
		assertThat(refused.retryable()).isTrue();
		assertThat(refused.getMessage()).startsWith("POST /api/v1/recorder/heartbeat failed: ");
	}

	@Test
	void aSlowPeerRunsIntoTheRequestTimeout() {
		this.delayMillis = 3000;
		InternalApiClient impatient = new InternalApiClient(URI.create(url()), "t", Duration.ofSeconds(2),
				Duration.ofMillis(300));

		assertThatThrownBy(() -> impatient.ask(UUID.randomUUID(), UUID.randomUUID(), "what?", 3))
			.isInstanceOfSatisfying(InternalApiException.class, (ex) -> {
				assertThat(ex.status()).isZero();
				assertThat(ex.reason()).containsIgnoringCase("timed out");
			});
	}

	@Test
	void anUnreadableSuccessIsAnErrorToo() {
		this.answer = "not json";

		InternalApiException failure = catchThrowableOfType(InternalApiException.class,
				() -> client("t").heartbeat(new Heartbeat("joining", null)));

		assertThat(failure.status()).isEqualTo(200);
		assertThat(failure.reason()).startsWith("unreadable answer");
		assertThat(failure.retryable()).isFalse();
	}

	@Test
	void aBlankTokenSendsNoAuthorization() {
		this.answer = "{\"state\":\"RECORDING\",\"leave\":false}";

		client(" ").heartbeat(new Heartbeat("recording", null));

		assertThat(this.requests.get(0)).doesNotContainKey("authorization");
	}

	private InternalApiClient client(String token) {
		return new InternalApiClient(URI.create(url() + "/"), token, Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> request = new java.util.HashMap<>();
			request.put("method", exchange.getRequestMethod());
			request.put("path", exchange.getRequestURI().getRawPath());
			if (exchange.getRequestURI().getRawQuery() != null) {
				request.put("query", exchange.getRequestURI().getRawQuery());
			}
			if (exchange.getRequestHeaders().containsKey("Authorization")) {
				request.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
			}
			if (exchange.getRequestHeaders().containsKey("Content-Type")) {
				request.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
			}
			request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.requests.add(request);
			if (this.delayMillis > 0) {
				try {
					Thread.sleep(this.delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			byte[] body = this.answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", this.contentType);
			exchange.sendResponseHeaders(this.status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (IOException ex) {
			// the client gave up (timeout test)
		}
	}

}
