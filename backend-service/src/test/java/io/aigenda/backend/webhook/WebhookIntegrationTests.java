package io.aigenda.backend.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.MeetingFailed;
import io.aigenda.contracts.StepKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks delivered to a real HTTP server on this machine, which only an explicitly
 * allowed address may reach; every other private address stays refused.
 */
@TestPropertySource(properties = { "aigenda.backend.webhooks.allowed-addresses=127.0.0.1",
		"aigenda.backend.webhooks.interval=200ms", "aigenda.backend.webhooks.initial-backoff=300ms",
		"aigenda.backend.webhooks.max-attempts=3" })
class WebhookIntegrationTests extends BackendIntegrationTest {

	private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

	private HttpServer sink;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** Statuses to answer with, in order; 200 once they run out. */
	private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	@BeforeEach
	void startSink() throws IOException {
		this.sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.sink.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("AiGenda-Signature"),
					exchange.getRequestHeaders().getFirst("AiGenda-Event"), body));
			Integer status = this.answers.poll();
			exchange.sendResponseHeaders(status != null ? status : 200, -1);
			exchange.close();
		});
		this.sink.start();
	}

	@AfterEach
	void stopSink() {
		this.sink.stop(0);
		// endpoints of one test must not receive the next test's events
		for (JsonNode endpoint : body(get("/api/v1/webhooks", ADMIN_TOKEN))) {
			send("DELETE", "/api/v1/webhooks/" + endpoint.path("id").asString(), ADMIN_TOKEN, null);
		}
	}

	@Test
	void failedMeetingIsDeliveredSignedAndRetriedAfterA500() throws Exception {
		JsonNode created = register("/hooks/a");
		String secret = created.path("secret").asString();
		assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
		JsonNode listed = body(get("/api/v1/webhooks", ADMIN_TOKEN));
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).has("secret")).as("the secret is shown only once").isFalse();

		this.answers.add(500);
		UUID meeting = UUID.fromString(createMeeting(ADMIN_TOKEN, "Hooked"));
		UUID organisation = organisation();
		this.messages.publishEventConfirmed(new MeetingFailed(meeting, organisation, StepKind.TRANSCRIBE, "broken"),
				UUID.randomUUID().toString());

		await().atMost(Duration.ofSeconds(15)).until(() -> this.received.size() >= 2);
		Received first = this.received.get(0);
		Received second = this.received.get(1);
		assertThat(second.body()).as("every attempt sends the same event").isEqualTo(first.body());
		assertThat(second.event()).isEqualTo("meeting.failed");
		JsonNode event = this.json.readTree(second.body());
		assertThat(event.path("type").asString()).isEqualTo("meeting.failed");
		assertThat(event.path("meetingId").asString()).isEqualTo(meeting.toString());
		assertThat(event.path("organisationId").asString()).isEqualTo(organisation.toString());
		assertThat(Instant.parse(event.path("occurredAt").asString())).isBefore(Instant.now());

		Matcher signature = SIGNATURE.matcher(second.signature());
		assertThat(signature.matches()).as(second.signature()).isTrue();
		long timestamp = Long.parseLong(signature.group(1));
		assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
		assertThat(signature.group(2)).isEqualTo(hmac(secret, timestamp + "." + second.body()));
		assertThat(signature.group(2)).as("the timestamp is part of what is signed")
			.isNotEqualTo(hmac(secret, (timestamp + 1) + "." + second.body()));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode delivery = body(get("/api/v1/webhooks", ADMIN_TOKEN)).get(0).path("lastDelivery");
			assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
			assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
			assertThat(delivery.path("type").asString()).isEqualTo("meeting.failed");
		});
		// a duplicate report of the same failure announces nothing new
		this.messages.publishEventConfirmed(new MeetingFailed(meeting, organisation, StepKind.TRANSCRIBE, "broken"),
				UUID.randomUUID().toString());
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> this.received.size() == 2);
	}

	@Test
	void deliveryThatKeepsFailingIsGivenUpWithTheLastErrorVisible() {
		register("/hooks/down");
		for (int i = 0; i < 5; i++) {
			this.answers.add(503);
		}
		UUID meeting = UUID.fromString(createMeeting(ADMIN_TOKEN, "Unlucky"));
		this.messages.publishEventConfirmed(new MeetingFailed(meeting, organisation(), StepKind.DIARIZE, "broken"),
				UUID.randomUUID().toString());

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode delivery = body(get("/api/v1/webhooks", ADMIN_TOKEN)).get(0).path("lastDelivery");
			assertThat(delivery.path("state").asString()).isEqualTo("FAILED");
			assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
			assertThat(delivery.path("lastStatus").asInt()).isEqualTo(503);
			assertThat(delivery.path("lastError").asString()).isEqualTo("HTTP 503");
		});
		assertThat(this.received).hasSize(3);
	}

	@Test
	void endpointsOnPrivateOrLocalAddressesAreRefused() {
		for (String url : List.of("http://10.0.0.7/hook", "https://192.168.1.20/hook", "http://169.254.169.254/latest",
				"https://[::1]/hook", "http://127.0.0.2/hook", "ftp://example.com/hook", "not a url")) {
			HttpResponse<String> refused = send("POST", "/api/v1/webhooks", ADMIN_TOKEN,
					this.json.writeValueAsString(Map.of("url", url)));
			assertThat(refused.statusCode()).as(url).isEqualTo(400);
			assertThat(body(refused).path("type").asString()).as(url).endsWith("/invalid-webhook-url");
			assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
		}
		assertThat(body(get("/api/v1/webhooks", ADMIN_TOKEN))).isEmpty();
	}

	@Test
	void endpointsBelongToTheirOrganisation() {
		String id = register("/hooks/mine").path("id").asString();
		String other = otherOrganisationToken();
		assertThat(body(get("/api/v1/webhooks", other))).isEmpty();
		assertThat(send("DELETE", "/api/v1/webhooks/" + id, other, null).statusCode()).isEqualTo(404);
		assertThat(send("DELETE", "/api/v1/webhooks/" + id, ADMIN_TOKEN, null).statusCode()).isEqualTo(204);
		assertThat(body(get("/api/v1/webhooks", ADMIN_TOKEN))).isEmpty();
	}

	private JsonNode register(String path) {
		String url = "http://127.0.0.1:" + this.sink.getAddress().getPort() + path;
		HttpResponse<String> created = send("POST", "/api/v1/webhooks", ADMIN_TOKEN,
				this.json.writeValueAsString(Map.of("url", url)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(body(created).path("url").asString()).isEqualTo(url);
		return body(created);
	}

	private UUID organisation() {
		return UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
	}

	/**
	 * The receiver's side of the check, written out independently of the sender's code.
	 */
	private static String hmac(String secret, String signed) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

	private record Received(String path, String signature, String event, String body) {
	}

}
