package io.aigenda.observability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sends an error through the real Sentry SDK to a local HTTP server that speaks Sentry's
 * envelope endpoint, and reads what arrived.
 */
class SentryReporterTest {

	private static final String SPOKEN = "the quarterly budget for Helsinki is frozen";

	private final List<String> envelopes = new CopyOnWriteArrayList<>();

	private HttpServer sink;

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.application.name=asr-worker");

	@BeforeEach
	void startSink() throws IOException {
		sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		sink.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			InputStream in = new ByteArrayInputStream(body);
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				in = new GZIPInputStream(in);
			}
			envelopes
				.add(exchange.getRequestURI().getPath() + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		sink.start();
	}

	@AfterEach
	void stopSink() {
		sink.stop(0);
	}

	@Test
	void errorArrivesWithTagsAndWithoutTranscriptText() {
		String dsn = "http://publickey@127.0.0.1:" + sink.getAddress().getPort() + "/42";
		String meetingId = UUID.randomUUID().toString();
		contexts
			.withPropertyValues("aigenda.sentry.dsn=" + dsn, "aigenda.sentry.environment=staging",
					"aigenda.sentry.release=aigenda@1.2.3")
			.run(context -> {
				assertThat(context).hasSingleBean(SentryReporter.class);
				try (MDC.MDCCloseable meeting = MDC.putCloseable(MeetingContext.MEETING_ID, meetingId);
						MDC.MDCCloseable trace = MDC.putCloseable(MeetingContext.TRACE_ID,
								"4bf92f3577b34da6a3ce929d0e0e4736")) {
					IllegalStateException failure = new IllegalStateException(
							"Could not store {\"words\":[{\"text\":\"" + SPOKEN + "\"}],\"text\":\"" + SPOKEN
									+ "\"} at https://s3.local/bucket/audio.wav?X-Amz-Signature=abc123");
					LoggerFactory.getLogger("io.aigenda.asr.TranscribeHandler")
						.error("Step failed for Word[text=" + SPOKEN + ", start=1.0]", failure);
				}
				Sentry.flush(5000);
				await().atMost(Duration.ofSeconds(10)).until(() -> !envelopes.isEmpty());
			});
		String envelope = String.join("\n", envelopes);
		assertThat(envelope).startsWith("/api/42/envelope/")
			.contains("\"meeting_id\":\"" + meetingId + "\"")
			.contains("\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
			.contains("\"service\":\"asr-worker\"")
			.contains("\"release\":\"aigenda@1.2.3\"")
			.contains("\"environment\":\"staging\"")
			.contains("IllegalStateException")
			.contains("Could not store")
			.contains(ContentScrubber.REDACTED)
			.doesNotContain("Helsinki")
			.doesNotContain("quarterly")
			.doesNotContain("abc123");
	}

	@Test
	void sentryStaysOffWithoutADsn() {
		contexts.run(context -> {
			assertThat(context).doesNotHaveBean(SentryReporter.class);
			assertThat(Sentry.isEnabled()).isFalse();
		});
	}

}
