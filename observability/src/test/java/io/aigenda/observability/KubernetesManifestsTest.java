package io.aigenda.observability;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigenda.contracts.Queues;
import io.aigenda.messaging.Topology;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates {@code deploy/k8s} offline. Built-in kinds are bound to the Kubernetes API
 * model (fabric8 kubernetes-model, generated from the Kubernetes OpenAPI schema) and
 * rejected if any field is unknown at any depth or has the wrong type; KEDA's kinds are
 * checked against the fields KEDA documents. Then what operating AiGenda needs:
 * resources, probes, disruption budgets, secrets only where needed, a queue-driven scaler
 * per worker and GPU scheduling.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

	static final Path K8S = Path.of("..", "deploy", "k8s");

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("apps/v1/Deployment",
			Deployment.class, "v1/Service", Service.class, "v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class,
			"v1/Namespace", Namespace.class, "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
			"policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

	private static final ObjectMapper KUBERNETES = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final List<HasMetadata> resources = new ArrayList<>();

	private static final List<Map<String, Object>> keda = new ArrayList<>();

	@BeforeAll
	static void load() throws Exception {
		try (Stream<Path> files = Files.list(K8S)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				if (file.getFileName().toString().equals("kustomization.yaml")) {
					continue;
				}
				for (Object document : new Yaml().loadAll(Files.readString(file))) {
					Map<String, Object> map = (Map<String, Object>) document;
					String type = map.get("apiVersion") + "/" + map.get("kind");
					if (type.startsWith("keda.sh/v1alpha1/")) {
						keda.add(map);
						continue;
					}
					assertThat(KINDS).as(file + ": " + type).containsKey(type);
					HasMetadata resource = KUBERNETES.convertValue(map, KINDS.get(type));
					assertNoUnknownFields(resource, file + " " + type + " " + resource.getMetadata().getName());
					resources.add(resource);
				}
			}
		}
	}

	/**
	 * The model keeps unknown fields in additionalProperties instead of failing; any
	 * there is a typo.
	 */
	static void assertNoUnknownFields(Object node, String where) throws Exception {
		if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8")) {
			if (node instanceof Collection<?> items) {
				for (Object item : items) {
					assertNoUnknownFields(item, where);
				}
			}
			else if (node instanceof Map<?, ?> map) {
				for (Object value : map.values()) {
					assertNoUnknownFields(value, where);
				}
			}
			return;
		}
		for (PropertyDescriptor property : Introspector.getBeanInfo(node.getClass()).getPropertyDescriptors()) {
			Method getter = property.getReadMethod();
			if (getter == null || getter.getParameterCount() > 0 || property.getName().equals("class")) {
				continue;
			}
			Object value = getter.invoke(node);
			if (property.getName().equals("additionalProperties")) {
				assertThat((Map<String, Object>) value)
					.as("unknown fields in %s (%s)", where, node.getClass().getSimpleName())
					.isNullOrEmpty();
			}
			else {
				assertNoUnknownFields(value, where + "." + property.getName());
			}
		}
	}

	private static <T extends HasMetadata> List<T> all(Class<T> type) {
		return resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	@Test
	void everyServiceHasADeploymentWithResourcesAndProbes() throws IOException {
		List<Deployment> deployments = all(Deployment.class);
		assertThat(deployments).extracting(d -> d.getMetadata().getName())
			.contains(ComposeFileTest.SERVICES.toArray(String[]::new))
			.contains("asr-worker-gpu", "diarization-worker-gpu");
		for (Deployment deployment : deployments) {
			String name = deployment.getMetadata().getName();
			assertThat(deployment.getMetadata().getNamespace()).isEqualTo("aigenda");
			assertThat(deployment.getSpec().getSelector().getMatchLabels().entrySet())
				.isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			assertThat(pod.getTerminationGracePeriodSeconds()).as(name).isGreaterThanOrEqualTo(30);
			for (Container container : pod.getContainers()) {
				assertThat(container.getImage()).as(name).matches("aigenda/[a-z-]+:0\\.1\\.0");
				if (container.getImage().matches("aigenda/[a-z-]+-gpu:.*")) {
					ComposeFileTest.assertGpuImageBuiltByTheModule(container.getImage());
				}
				else {
					assertThat(Path.of("..", container.getImage().replaceAll("aigenda/|:.*", ""), "pom.xml")).exists();
				}
				assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
				assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
				for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
						container.getStartupProbe())) {
					assertThat(probe).as(name).isNotNull();
					assertThat(probe.getHttpGet().getPath()).startsWith("/actuator/health/");
					assertThat(container.getPorts()).extracting(p -> p.getName())
						.contains(probe.getHttpGet().getPort().getStrVal());
				}
				assertThat(container.getReadinessProbe().getHttpGet().getPath())
					.isEqualTo("/actuator/health/readiness");
				assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			}
		}
	}

	@Test
	void configComesFromTheConfigMapAndSecretsFromTheSecretOnlyWhereNeeded() {
		ConfigMap config = all(ConfigMap.class).getFirst();
		assertThat(config.getData()).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		Secret secret = all(Secret.class).getFirst();
		for (Deployment deployment : all(Deployment.class)) {
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
			assertThat(container.getEnvFrom()).singleElement()
				.satisfies(
						from -> assertThat(from.getConfigMapRef().getName()).isEqualTo(config.getMetadata().getName()));
			for (EnvVar env : container.getEnv()) {
				assertThat(env.getValue() == null || !env.getName().matches(".*(PASSWORD|SECRET|TOKEN|DSN).*"))
					.as("%s: %s must come from the Secret", deployment.getMetadata().getName(), env.getName())
					.isTrue();
				if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
					assertThat(env.getValueFrom().getSecretKeyRef().getName())
						.isEqualTo(secret.getMetadata().getName());
					assertThat(secret.getStringData()).containsKey(env.getValueFrom().getSecretKeyRef().getKey());
				}
				if (!deployment.getMetadata().getName().equals("backend-service")) {
					assertThat(env.getName()).as(deployment.getMetadata().getName())
						.doesNotStartWith("SPRING_DATASOURCE")
						.doesNotStartWith("AIGENDA_S3_");
				}
			}
		}
	}

	@Test
	void everyDeploymentHasADisruptionBudget() {
		List<PodDisruptionBudget> budgets = all(PodDisruptionBudget.class);
		for (Deployment deployment : all(Deployment.class)) {
			Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			assertThat(budgets).as(deployment.getMetadata().getName())
				.anyMatch(budget -> labels.entrySet()
					.containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
		}
	}

	@Test
	void gpuWorkersRequestAGpuAndLandOnGpuNodes() {
		for (Deployment deployment : all(Deployment.class)) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			boolean gpu = pod.getContainers().getFirst().getResources().getLimits().containsKey("nvidia.com/gpu");
			assertThat(gpu).as(deployment.getMetadata().getName())
				.isEqualTo(deployment.getMetadata().getName().endsWith("-gpu"));
			if (gpu) {
				assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
				assertThat(pod.getTolerations()).anyMatch(t -> t.getKey().equals("nvidia.com/gpu"));
			}
		}
	}

	@Test
	void theGpuDiarizationWorkerRunsTheCudaBuildOnCudaWithPulledModels() throws IOException {
		Deployment deployment = all(Deployment.class).stream()
			.filter(d -> d.getMetadata().getName().equals("diarization-worker-gpu"))
			.findFirst()
			.orElseThrow();
		Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
		assertThat(container.getImage()).isEqualTo("aigenda/diarization-worker-gpu:0.1.0");
		Map<String, String> env = new HashMap<>();
		container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
		assertThat(env).containsEntry("AIGENDA_DIARIZATION_DEVICE", "cuda")
			.containsEntry("AIGENDA_DIARIZATION_MODELS_EMBEDDER", "onnx");
		ComposeFileTest.assertPulledModel(env.get("AIGENDA_DIARIZATION_EMBEDDING_MODEL"));
		ComposeFileTest.assertPulledModel(env.get("AIGENDA_DIARIZATION_SEGMENTATION_MODEL"));
		assertThat(container.getResources().getLimits()).containsKey("nvidia.com/gpu");
		// not ready without a usable GPU, but live: the kubelet must not restart it for
		// that
		assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
	}

	@Test
	void everyWorkerScalesOnItsQueueAndGpuWorkersToZero() {
		Set<String> scaledObjectFields = Set.of("scaleTargetRef", "minReplicaCount", "maxReplicaCount",
				"pollingInterval", "cooldownPeriod", "idleReplicaCount", "fallback", "advanced", "triggers");
		Set<String> rabbitMetadata = Set.of("protocol", "queueName", "mode", "value", "activationValue", "vhostName",
				"host", "hostFromEnv", "useRegex", "excludeUnacknowledged", "operation", "timeout");
		Topology topology = new Topology("aigenda");
		Map<String, String> queues = Map.of("asr-worker", topology.queue(Queues.TRANSCRIBE), "diarization-worker",
				topology.queue(Queues.DIARIZE), "llm-worker", topology.queue(Queues.WRITE_MINUTES));
		Map<String, Map<String, Object>> scaled = new HashMap<>();
		Set<String> authentications = new java.util.HashSet<>();
		for (Map<String, Object> object : keda) {
			Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
			Map<String, Object> spec = (Map<String, Object>) object.get("spec");
			if (object.get("kind").equals("TriggerAuthentication")) {
				authentications.add((String) metadata.get("name"));
				continue;
			}
			assertThat(object.get("kind")).isEqualTo("ScaledObject");
			assertThat(scaledObjectFields).containsAll(spec.keySet());
			scaled.put(((Map<String, String>) spec.get("scaleTargetRef")).get("name"), spec);
		}
		Set<String> deployments = new java.util.HashSet<>(
				all(Deployment.class).stream().map(d -> d.getMetadata().getName()).toList());
		assertThat(deployments).containsAll(scaled.keySet());
		for (String worker : List.of("asr-worker", "asr-worker-gpu", "diarization-worker", "diarization-worker-gpu",
				"llm-worker")) {
			Map<String, Object> spec = scaled.get(worker);
			assertThat(spec).as(worker).isNotNull();
			Deployment deployment = all(Deployment.class).stream()
				.filter(d -> d.getMetadata().getName().equals(worker))
				.findFirst()
				.orElseThrow();
			assertThat(deployment.getSpec().getReplicas()).as("KEDA owns the replicas of " + worker).isNull();
			Map<String, Object> trigger = ((List<Map<String, Object>>) spec.get("triggers")).getFirst();
			assertThat(trigger).containsEntry("type", "rabbitmq");
			Map<String, String> metadata = (Map<String, String>) trigger.get("metadata");
			assertThat(rabbitMetadata).containsAll(metadata.keySet());
			assertThat(metadata).containsEntry("mode", "QueueLength")
				.containsEntry("queueName", queues.get(worker.replace("-gpu", "")));
			assertThat(authentications).contains(((Map<String, String>) trigger.get("authenticationRef")).get("name"));
			if (worker.endsWith("-gpu")) {
				assertThat(spec).containsEntry("minReplicaCount", 0);
			}
		}
	}

	@Test
	void kustomizationListsEveryManifest() throws IOException {
		Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
		try (Stream<Path> files = Files.list(K8S)) {
			List<String> manifests = files.map(f -> f.getFileName().toString())
				.filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")
						&& !f.equals("secrets.example.yaml"))
				.toList();
			assertThat((List<String>) kustomization.get("resources")).containsExactlyInAnyOrderElementsOf(manifests);
		}
	}

	/**
	 * The GPU overlays as {@code kubectl kustomize} builds them: every resource valid
	 * against the Kubernetes model, each overlay listing its own manifests. Needs
	 * kubectl; without it the test is skipped.
	 */
	@Test
	void gpuOverlaysBuildIntoValidManifests() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(kustomize(K8S).exit() == 0, "kubectl is not installed here");
		for (String overlay : List.of("k8s-llm", "k8s-asr-gpu")) {
			Path folder = K8S.resolveSibling(overlay);
			Map<String, Object> kustomization = new Yaml().load(Files.readString(folder.resolve("kustomization.yaml")));
			try (Stream<Path> files = Files.list(folder)) {
				List<String> own = files.map(f -> f.getFileName().toString())
					.filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
					.toList();
				assertThat((List<String>) kustomization.get("resources")).as(overlay)
					.contains("../k8s")
					.containsAll(own);
			}
			Built built = kustomize(folder);
			assertThat(built.exit()).as(built.output()).isZero();
			for (Object document : new Yaml().loadAll(built.output())) {
				Map<String, Object> map = (Map<String, Object>) document;
				String type = map.get("apiVersion") + "/" + map.get("kind");
				if (!type.startsWith("keda.sh/") && KINDS.containsKey(type)) {
					assertNoUnknownFields(KUBERNETES.convertValue(map, KINDS.get(type)), overlay + " " + type);
				}
			}
		}
	}

	/**
	 * {@code deploy/k8s-asr-gpu}: the transcription server holds the GPU and is ready
	 * only when it answers; the GPU asr-worker points at its Service and needs no GPU
	 * itself.
	 */
	@Test
	void theAsrGpuOverlayRunsTheTranscriptionServerOnTheGpuAndPointsTheWorkerAtIt() throws Exception {
		Built built = kustomize(K8S.resolveSibling("k8s-asr-gpu"));
		org.junit.jupiter.api.Assumptions.assumeTrue(built.exit() != 127, "kubectl is not installed here");
		assertThat(built.exit()).as(built.output()).isZero();
		Map<String, Deployment> deployments = new HashMap<>();
		Map<String, Service> services = new HashMap<>();
		for (Object document : new Yaml().loadAll(built.output())) {
			Map<String, Object> map = (Map<String, Object>) document;
			String name = ((Map<String, String>) map.get("metadata")).get("name");
			if (map.get("kind").equals("Deployment")) {
				deployments.put(name, KUBERNETES.convertValue(map, Deployment.class));
			}
			else if (map.get("kind").equals("Service")) {
				services.put(name, KUBERNETES.convertValue(map, Service.class));
			}
		}
		PodSpec server = deployments.get("whisper-server").getSpec().getTemplate().getSpec();
		Container serverContainer = server.getContainers().getFirst();
		assertThat(serverContainer.getResources().getLimits()).containsKey("nvidia.com/gpu");
		assertThat(server.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
		assertThat(server.getTolerations()).anyMatch(t -> t.getKey().equals("nvidia.com/gpu"));
		assertThat(serverContainer.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
		assertThat(serverContainer.getStartupProbe()).isNotNull();

		PodSpec worker = deployments.get("asr-worker-gpu").getSpec().getTemplate().getSpec();
		Container workerContainer = worker.getContainers().getFirst();
		Map<String, String> env = new HashMap<>();
		workerContainer.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
		assertThat(env).containsEntry("AIGENDA_ASR_ENGINE", "openai")
			.doesNotContainKey("AIGENDA_ASR_WHISPER_MODELPATH");
		java.net.URI base = java.net.URI.create(env.get("AIGENDA_ASR_OPENAI_BASEURL"));
		assertThat(services).containsKey(base.getHost());
		assertThat(services.get(base.getHost()).getSpec().getPorts()).anyMatch(p -> p.getPort() == base.getPort());
		assertThat(base.getPath()).isEqualTo("/v1");
		assertThat(workerContainer.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
		assertThat(worker.getNodeSelector()).isNullOrEmpty();
		// the CPU worker is untouched
		assertThat(deployments.get("asr-worker").getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
			.anyMatch(e -> e.getName().equals("AIGENDA_ASR_ENGINE") && "vosk".equals(e.getValue()));
	}

	private static Built kustomize(Path folder) throws InterruptedException {
		try {
			Process process = new ProcessBuilder("kubectl", "kustomize", folder.toString()).redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			return new Built(process.waitFor(), output);
		}
		catch (java.io.IOException ex) {
			return new Built(127, ex.getMessage());
		}
	}

	private record Built(int exit, String output) {
	}

	@Test
	void aTypoInAFieldIsCaught() {
		Map<String, Object> deployment = new Yaml().load("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: x}
				spec:
				  selector: {matchLabels: {a: b}}
				  template:
				    metadata: {labels: {a: b}}
				    spec:
				      containers:
				        - name: x
				          image: x
				          resources: {limit: {cpu: "1"}}
				""");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> assertNoUnknownFields(KUBERNETES.convertValue(deployment, Deployment.class), "x"))
			.hasMessageContaining("limit");
	}

}
