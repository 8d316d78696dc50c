package io.aigenda.app.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.aigenda.app.TestPlatform;
import io.aigenda.app.PlatformFiles;
import io.aigenda.app.process.MeetingProcessor;
import io.aigenda.contracts.Language;
import io.aigenda.observability.DeployedMetricNames;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators rely on, checked on the whole platform after it processed one real
 * meeting: every metric the Grafana dashboards and the Prometheus alerts use is exposed
 * by a running service, and the meeting's JSON logs carry one trace id through the
 * backend, the ml-controller and the workers.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsAcceptanceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dataDir;

	@TempDir
	static Path outDir;

	static TestPlatform running;

	static MeetingProcessor.Result meeting;

	@BeforeAll
	static void processOneMeeting() throws Exception {
		// logs as the containers write them: JSON lines at INFO
		running = TestPlatform.start(dataDir, TestPlatform.Broker.RABBITMQ,
				Map.of("aigenda.verbose", "true", "aigenda.log-format", "ecs", "aigenda.metrics-port", "0"));
		meeting = new MeetingProcessor(running.client(), outDir, new PrintStream(new ByteArrayOutputStream(), true),
				false, Duration.ofMinutes(10))
			.process(PlatformFiles.SAMPLE, Language.EN);
		assertThat(meeting.failureReason()).isNull();
	}

	@AfterAll
	static void stop() throws Exception {
		if (running != null) {
			running.close();
		}
	}

	@Test
	void everyMetricTheDashboardsAndAlertsUseIsExposedByARunningService() throws Exception {
		// the backend counts finished meetings on a schedule
		// (aigenda.observability.gauge-interval)
		ConfigurableApplicationContext backend = running.platform().context(Service.BACKEND);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> scrape(backend).contains("aigenda_meetings_finished_last_day{"));
		Map<Service, Set<String>> scraped = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			scraped.put(service, DeployedMetricNames.seriesNames(scrape(running.platform().context(service))));
		}
		Set<String> exposed = new TreeSet<>();
		scraped.values().forEach(exposed::addAll);
		Set<String> used = DeployedMetricNames.used();

		assertThat(used).as("metric names in deploy/grafana and deploy/prometheus")
			.contains("aigenda_bots_active", "aigenda_bots_server_seconds_total", "aigenda_s3_bytes_total",
					"aigenda_queue_wait_seconds_max", "aigenda_step_duration_seconds_bucket");
		assertThat(DeployedMetricNames.missing(used, exposed)).as("used but exposed by no service").isEmpty();
		// each name where it belongs, with the meeting's own numbers
		assertThat(scraped.get(Service.MEETING_CONTROLLER)).contains("aigenda_bots_active",
				"aigenda_bots_oldest_age_seconds", "aigenda_bots_max_age_seconds", "aigenda_bots_server_seconds_total");
		assertThat(scraped.get(Service.BACKEND)).contains("aigenda_s3_bytes_total", "aigenda_meetings",
				"http_server_requests_seconds_count");
		assertThat(scraped.get(Service.ASR_WORKER)).contains("aigenda_s3_bytes_total",
				"aigenda_step_real_time_factor_bucket", "aigenda_queue_wait_seconds_max");
		assertThat(scraped.get(Service.ML_CONTROLLER)).contains("aigenda_queue_messages", "aigenda_queue_consumers");
		System.out.println("Metric names checked: " + used);
	}

	@Test
	void oneScrapeTargetServesEveryServicesMetricsLabelledWithItsJob() throws Exception {
		URI target = running.platform().metricsUrl();
		// the backend counts finished meetings on a schedule
		String exposition = await().atMost(Duration.ofSeconds(60)).until(() -> {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(target).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}, (body) -> body.contains("aigenda_meetings_finished_last_day{"));

		// what the dashboards and alerts use, all from the one target
		assertThat(DeployedMetricNames.missing(DeployedMetricNames.used(), DeployedMetricNames.seriesNames(exposition)))
			.isEmpty();
		for (Service service : Service.values()) {
			assertThat(exposition).contains("jvm_memory_used_bytes{job=\"" + service.configName() + "\"");
		}
		assertThat(exposition).contains("aigenda_step_real_time_factor_bucket{job=\"asr-worker\"");
		// Prometheus's own parser takes it: each family once, every series well formed
		Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
		try (var in = promtool.getOutputStream()) {
			in.write(exposition.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		String checked = new String(promtool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		promtool.waitFor();
		// its exit code also counts style hints about the services' own meter names (help
		// texts, unit names); a format error is what the merge could cause
		assertThat(checked).doesNotContain("error").contains("no help text");
	}

	@Test
	void oneTraceFollowsTheMeetingThroughTheBackendTheMlControllerAndTheWorkers(CapturedOutput output) {
		String meetingId = meeting.meetingId().toString();
		// trace id -> the services that logged about this meeting in it
		Map<String, Set<String>> servicesByTrace = new TreeMap<>();
		int lines = 0;
		for (String line : output.getOut().split("\n")) {
			if (!line.startsWith("{")) {
				continue;
			}
			JsonNode log = JSON.readTree(line);
			lines++;
			String traceId = log.path("traceId").asString("");
			String service = service(field(log, "log", "logger"));
			if (meetingId.equals(log.path("meetingId").asString("")) && !traceId.isEmpty() && service != null) {
				servicesByTrace.computeIfAbsent(traceId, id -> new TreeSet<>()).add(service);
			}
		}

		assertThat(lines).as("JSON log lines").isGreaterThan(10);
		assertThat(servicesByTrace).as("services of each trace that logged meeting %s", meetingId)
			.hasValueSatisfying(new org.assertj.core.api.Condition<>(
					services -> services.containsAll(Set.of("backend", "ml-controller"))
							&& services.stream().anyMatch(service -> service.endsWith("-worker")),
					"the backend, the ml-controller and a worker"));
	}

	/**
	 * Which service wrote a line: in one JVM they share the log configuration, not their
	 * packages.
	 */
	private static String service(String logger) {
		Map<String, String> packages = new HashMap<>(Map.of("io.aigenda.backend.", "backend",
				"io.aigenda.mlcontroller.", "ml-controller", "io.aigenda.asr.", "asr-worker", "io.aigenda.diarization.",
				"diarization-worker", "io.aigenda.llm.", "llm-worker"));
		return packages.entrySet()
			.stream()
			.filter(entry -> logger.startsWith(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * An ECS field, nested ({@code "log": {"logger": ...}}) or dotted
	 * ({@code "log.logger"}).
	 */
	private static String field(JsonNode log, String object, String name) {
		JsonNode nested = log.path(object).path(name);
		return nested.isMissingNode() ? log.path(object + "." + name).asString("") : nested.asString("");
	}

	/**
	 * {@code /actuator/prometheus} of a service with a web server; the workers run
	 * without one in this JVM (in a cluster they serve it on 8080), so theirs is the same
	 * registry's scrape.
	 */
	private static String scrape(ConfigurableApplicationContext context) throws Exception {
		if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			String address = context.getEnvironment().getProperty("server.address", "127.0.0.1");
			URI uri = URI.create("http://" + address + ":" + web.getWebServer().getPort() + "/actuator/prometheus");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
			return response.body();
		}
		return context.getBean(PrometheusMeterRegistry.class).scrape();
	}

}
