package io.aigenda.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root {@code docker-compose.yml}, read as Compose reads it (YAML with merge keys),
 * checked for what an operator relies on: every part present, health checks, secrets only
 * where needed, GPU reservations, the models volume and the monitoring files it mounts.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {

	static final Path ROOT = Path.of("..");

	static final List<String> SERVICES = List.of("backend-service", "ml-controller", "asr-worker", "diarization-worker",
			"llm-worker", "meeting-controller");

	static final List<String> WORKERS = List.of("asr-worker", "diarization-worker", "llm-worker");

	private static String text;

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	static void read() throws IOException {
		text = Files.readString(ROOT.resolve("docker-compose.yml"));
		Map<String, Object> compose = new Yaml().load(text);
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void infrastructureServicesAndMonitoringArePresent() {
		assertThat(services).containsKeys("postgres", "rabbitmq", "minio", "qdrant", "prometheus", "grafana");
		assertThat(services).containsKeys(SERVICES.toArray(String[]::new));
		assertThat((String) services.get("rabbitmq").get("image")).contains("management");
	}

	@Test
	void everyServiceHasAnImageAndLongRunningOnesAHealthCheck() {
		services.forEach((name, service) -> {
			assertThat((String) service.get("image")).as(name).isNotBlank();
			if (!name.equals("minio-bucket")) {
				Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
				assertThat(health).as(name + " healthcheck").isNotNull();
				assertThat((List<String>) health.get("test")).as(name).isNotEmpty();
			}
		});
		for (String name : SERVICES) {
			assertThat((String) services.get(name).get("image")).isEqualTo("aigenda/" + name + ":0.1.0");
			assertThat(ROOT.resolve(name).resolve("pom.xml")).exists();
			assertThat(services.get(name).get("healthcheck").toString()).contains("/actuator/health/readiness");
			Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
			assertThat(environment).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
				.containsKey("AIGENDA_SENTRY_DSN");
		}
	}

	@Test
	void onlyTheBackendGetsDatabaseAndS3Credentials() {
		services.forEach((name, service) -> {
			Object environment = service.get("environment");
			if (environment instanceof Map<?, ?> map && !name.equals("backend-service")) {
				assertThat(map.keySet()).as(name)
					.noneMatch(key -> key.toString().startsWith("SPRING_DATASOURCE")
							|| key.toString().startsWith("AIGENDA_S3_"));
			}
		});
	}

	@Test
	void gpuProfileReservesNvidiaDevicesForWhatRunsOnTheGpu() {
		List<String> gpu = services.entrySet()
			.stream()
			.filter(entry -> String.valueOf(entry.getValue().get("profiles")).contains("gpu"))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(gpu).contains("asr-worker-gpu", "whisper-server", "diarization-worker-gpu");
		// the GPU asr-worker sends speech to the transcription server, which holds the
		// card
		for (String name : gpu.stream().filter(name -> !name.equals("asr-worker-gpu")).toList()) {
			Map<String, Object> deploy = (Map<String, Object>) services.get(name).get("deploy");
			assertThat(deploy).as(name).isNotNull();
			List<Map<String, Object>> devices = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) deploy
				.get("resources")).get("reservations")).get("devices");
			assertThat(devices).as(name).singleElement().satisfies(device -> {
				assertThat(device).containsEntry("driver", "nvidia");
				assertThat((List<String>) device.get("capabilities")).contains("gpu");
			});
		}
	}

	@Test
	void theGpuAsrWorkerUsesTheTranscriptionServerOnceItIsHealthy() {
		Map<String, Object> worker = services.get("asr-worker-gpu");
		Map<String, Object> environment = (Map<String, Object>) worker.get("environment");
		assertThat(environment).containsEntry("AIGENDA_ASR_ENGINE", "openai")
			.containsEntry("AIGENDA_ASR_OPENAI_BASEURL", "http://whisper-server:8000/v1")
			.doesNotContainKey("AIGENDA_ASR_WHISPER_MODELPATH");
		assertThat(worker.get("deploy")).as("the worker needs no GPU of its own").isNull();
		// its own depends_on replaces the shared one: the broker must stay in it
		assertThat((Map<String, Map<String, String>>) worker.get("depends_on"))
			.containsEntry("whisper-server", Map.of("condition", "service_healthy"))
			.containsEntry("rabbitmq", Map.of("condition", "service_healthy"));
		Map<String, Object> server = services.get("whisper-server");
		assertThat((List<String>) ((Map<String, Object>) server.get("healthcheck")).get("test"))
			.contains("http://127.0.0.1:8000/health");
		assertThat((List<String>) server.get("volumes")).anyMatch(volume -> volume.startsWith("whisper-models:"));
	}

	@Test
	void theGpuDiarizationWorkerRunsTheCudaBuildOnCudaWithModelsThePullWrites() throws IOException {
		Map<String, Object> worker = services.get("diarization-worker-gpu");
		assertThat(worker.get("image")).isEqualTo("aigenda/diarization-worker-gpu:0.1.0");
		assertGpuImageBuiltByTheModule("aigenda/diarization-worker-gpu:0.1.0");
		Map<String, Object> environment = (Map<String, Object>) worker.get("environment");
		assertThat(environment).containsEntry("AIGENDA_DIARIZATION_DEVICE", "cuda")
			.containsEntry("AIGENDA_DIARIZATION_MODELS_EMBEDDER", "onnx");
		assertPulledModel((String) environment.get("AIGENDA_DIARIZATION_EMBEDDING_MODEL"));
		assertPulledModel((String) environment.get("AIGENDA_DIARIZATION_SEGMENTATION_MODEL"));
		// without a usable GPU the worker is not ready: the health check must ask
		// readiness
		assertThat(worker.get("healthcheck").toString()).contains("/actuator/health/readiness");
	}

	/**
	 * An image {@code aigenda/<module>-gpu:<tag>} is what the module's Maven profile
	 * {@code gpu} builds (Jib), with ONNX Runtime's CUDA build, at the project's image
	 * tag.
	 */
	static void assertGpuImageBuiltByTheModule(String image) throws IOException {
		Matcher name = Pattern.compile("aigenda/([a-z-]+)-gpu:(.+)").matcher(image);
		assertThat(name.matches()).as(image).isTrue();
		String pom = Files.readString(ROOT.resolve(name.group(1)).resolve("pom.xml"));
		String profile = pom.substring(pom.indexOf("<id>gpu</id>"));
		assertThat(profile).as(name.group(1) + "'s gpu profile")
			.contains("<image>aigenda/" + name.group(1) + "-gpu:${aigenda.image-tag}</image>")
			.contains("<artifactId>onnxruntime_gpu</artifactId>");
		assertThat(Files.readString(ROOT.resolve("pom.xml")))
			.contains("<aigenda.image-tag>" + name.group(2) + "</aigenda.image-tag>");
	}

	/**
	 * A file in the models folder under the name {@code aigenda models pull} gives it.
	 */
	static void assertPulledModel(String path) throws IOException {
		assertThat(path).startsWith("/models/");
		List<String> catalogFiles = Files
			.readAllLines(ROOT.resolve("app/src/main/resources/io/aigenda/app/models/models.tsv"))
			.stream()
			.map(line -> line.split("\t"))
			.filter(columns -> columns.length > 1)
			.map(columns -> "/models/" + columns[1])
			.toList();
		assertThat(catalogFiles).contains(path);
	}

	@Test
	void workersMountTheModelsFolder() {
		for (String name : WORKERS) {
			assertThat((List<String>) services.get(name).get("volumes")).as(name)
				.anyMatch(volume -> volume.startsWith("${AIGENDA_MODELS_DIR:-./models}:/models"));
		}
	}

	@Test
	void mountedMonitoringFilesExist() {
		for (String service : List.of("prometheus", "grafana")) {
			for (String volume : (List<String>) services.get(service).get("volumes")) {
				if (volume.startsWith("./")) {
					assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':')))).as(volume).exists();
				}
			}
		}
	}

	@Test
	void everyRequiredVariableIsInTheExampleEnvironment() throws IOException {
		Set<String> required = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\$\\{(\\w+):\\?").matcher(text);
		while (matcher.find()) {
			required.add(matcher.group(1));
		}
		assertThat(required).contains("POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD");
		String example = Files.readString(ROOT.resolve("deploy/compose.env.example"));
		for (String variable : required) {
			assertThat(example).as(variable).containsPattern("(?m)^" + variable + "=");
		}
	}

	/**
	 * Docker Compose's own reading of the file (interpolation, merge keys, profiles,
	 * schema), with the required secrets of {@code compose.env.example} set. Needs the
	 * Compose plugin; without it the test is skipped and the checks above are all there
	 * is.
	 */
	@Test
	void composeAcceptsTheFileWithTheExampleSecretsSet() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(run(List.of("docker", "compose", "version"), Map.of()).exit() == 0,
				"docker compose is not installed here");
		Map<String, String> secrets = new java.util.HashMap<>();
		Matcher required = Pattern.compile("(?m)^([A-Z_]+)=$")
			.matcher(Files.readString(ROOT.resolve("deploy/compose.env.example")));
		while (required.find()) {
			secrets.put(required.group(1), "test-" + required.group(1).toLowerCase(java.util.Locale.ROOT));
		}
		assertThat(secrets).containsKeys("POSTGRES_PASSWORD", "AIGENDA_SERVICE_TOKEN");

		Result config = run(List.of("docker", "compose", "-f", ROOT.resolve("docker-compose.yml").toString(),
				"--profile", "gpu", "config", "--quiet"), secrets);

		assertThat(config.exit()).as(config.output()).isZero();
	}

	private static Result run(List<String> command, Map<String, String> environment) throws InterruptedException {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			return new Result(process.waitFor(), output);
		}
		catch (IOException ex) {
			return new Result(127, ex.getMessage());
		}
	}

	private record Result(int exit, String output) {
	}

}
