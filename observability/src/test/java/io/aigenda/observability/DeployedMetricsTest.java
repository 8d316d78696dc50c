package io.aigenda.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboards and the Prometheus alerts use must be one a service
 * exposes, or panels stay empty and alerts never fire. Runs a service with this library
 * on the local RabbitMQ, publishes the pipeline's events through the real message path,
 * records the domain meters, scrapes {@code /actuator/prometheus} and compares.
 */
class DeployedMetricsTest {

	static final Path DEPLOY = DeployedMetricNames.DEPLOY;

	private static ConfigurableApplicationContext service;

	private static Set<String> exposed;

	@BeforeAll
	static void scrapeARunningService() throws Exception {
		service = new SpringApplicationBuilder(Service.class).web(WebApplicationType.SERVLET)
			.properties("spring.application.name=metrics-test", "server.port=0",
					"aigenda.messaging.namespace=test-metrics-" + UUID.randomUUID(), "spring.rabbitmq.host=127.0.0.1",
					"spring.rabbitmq.port=5672", "aigenda.observability.queue-metrics=true",
					"aigenda.observability.gauge-interval=200ms", "spring.main.banner-mode=off")
			.run();
		Messages messages = service.getBean(Messages.class);
		UUID meeting = UUID.randomUUID();
		messages
			.publishEvent(new TranscriptReady(meeting, UUID.randomUUID(), 1, "k", Language.EN, 60, "vosk", 12, 100));
		messages.publishEvent(new DiarizationReady(meeting, UUID.randomUUID(), 1, "k", 2, 60, "mfcc", 3));
		messages.publishEvent(new MinutesWritten(meeting, UUID.randomUUID(), 1, "k", "extractive", 1));
		messages.publishEvent(new StepFailed(meeting, UUID.randomUUID(), 1, StepKind.DIARIZE, "could not decode audio",
				false, FailureCategory.AUDIO));
		PipelineMeters meters = service.getBean(PipelineMeters.class);
		meters.meetingsInState("done", () -> 1);
		meters.meetingsFinishedLastDay(java.util.List.of(new PipelineMeters.FinishedMeetings("acme", "processed", 3)));
		meters.s3Bytes(PipelineMeters.Direction.IN, 1024);
		meters.bots(() -> 1, () -> Duration.ofMinutes(5), Duration.ofHours(4));
		meters.botServerTime("openstack", Duration.ofMinutes(5));
		meters.batch("diarize", 16);
		Listener listener = service.getBean(Listener.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> listener.received >= 4);

		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		HttpClient http = HttpClient.newHttpClient();
		get(http, port, "/actuator/health");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get(http, port, "/actuator/prometheus")
				.contains("aigenda_queue_consumers{base=\"ml.events\""));
		exposed = DeployedMetricNames.seriesNames(get(http, port, "/actuator/prometheus"));
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.getBean(RabbitListenerEndpointRegistry.class).stop();
			AmqpAdmin admin = service.getBean(AmqpAdmin.class);
			Topology topology = service.getBean(Topology.class);
			for (String base : QueueMeters.QUEUES) {
				admin.deleteQueue(topology.queue(base));
				admin.deleteQueue(topology.deadLetterQueue(base));
			}
			admin.deleteExchange(topology.commandsExchange());
			admin.deleteExchange(topology.eventsExchange());
			admin.deleteExchange(topology.deadLetterExchange());
			service.close();
		}
	}

	private static String get(HttpClient http, int port, String path) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	@Test
	void everyMetricInTheDashboardsIsExposed() {
		List<Path> dashboards = DeployedMetricNames.dashboards();
		assertThat(dashboards).extracting(file -> file.getFileName().toString())
			.contains("overview.json", "pipeline.json", "workers.json", "bots.json", "business.json");
		for (Path file : dashboards) {
			JsonNode dashboard = DeployedMetricNames.read(file);
			assertThat(dashboard.path("uid").asString()).as(file.toString()).isNotBlank();
			for (JsonNode panel : dashboard.path("panels")) {
				assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("prometheus");
			}
		}
		List<String> expressions = DeployedMetricNames.dashboardExpressions();
		assertThat(expressions).hasSizeGreaterThan(20);
		assertExposed(expressions);
	}

	@Test
	void everyMetricInTheAlertsIsExposed() {
		Set<String> alerts = new TreeSet<>();
		for (Map<String, Object> rule : DeployedMetricNames.alertRules()) {
			alerts.add((String) rule.get("alert"));
			assertThat(rule.get("labels")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsKey("severity");
		}
		assertThat(alerts).contains("BacklogGrowing", "DeadLetters", "StepErrorRate", "BotOlderThanMaximum",
				"MessagesWaitTooLong", "NoHeartbeat");
		assertExposed(DeployedMetricNames.alertExpressions());
	}

	@Test
	void grafanaProvisioningPointsAtTheDashboardsAndPrometheus() throws IOException {
		Map<String, Object> datasources = new Yaml()
			.load(Files.readString(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml")));
		assertThat(datasources.toString()).contains("uid=prometheus").contains("url=http://prometheus:9090");
		Map<String, Object> providers = new Yaml()
			.load(Files.readString(DEPLOY.resolve("grafana/provisioning/dashboards/aigenda.yml")));
		assertThat(providers.toString()).contains("path=/var/lib/grafana/dashboards");
	}

	private static void assertExposed(List<String> expressions) {
		Set<String> used = new TreeSet<>();
		expressions.forEach(expression -> used.addAll(DeployedMetricNames.metricNames(expression)));
		assertThat(used).as("metric names in the expressions").isNotEmpty();
		assertThat(DeployedMetricNames.missing(used, exposed)).as("used but not exposed (exposed: %s)", exposed)
			.isEmpty();
	}

	@Test
	void everyDeliveredMessageIsTimedFromItsPublishTimestamp() {
		String queue = service.getBean(Topology.class).queue(io.aigenda.contracts.Queues.ML_EVENTS);
		io.micrometer.core.instrument.Timer waited = service.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.get(PipelineMeters.QUEUE_WAIT)
			.tag("queue", queue)
			.timer();
		assertThat(waited.count()).isGreaterThanOrEqualTo(4);
		// published a moment ago on this machine; AMQP timestamps have one-second
		// resolution
		assertThat(waited.max(java.util.concurrent.TimeUnit.SECONDS)).isLessThan(30);
	}

	@Test
	void metricNamesAreFoundInPromQl() {
		assertThat(DeployedMetricNames.metricNames(
				"sum by (le, step) (rate(aigenda_step_duration_seconds_bucket{outcome=\"success\"}[$__rate_interval])) * 60 > 1e-9 and up"))
			.containsExactlyInAnyOrder("aigenda_step_duration_seconds_bucket", "up");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		Listener listener() {
			return new Listener();
		}

	}

	static class Listener {

		volatile int received;

		@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).ML_EVENTS)}")
		void on(Message message) {
			received++;
		}

	}

}
