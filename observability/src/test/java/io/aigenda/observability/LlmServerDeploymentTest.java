package io.aigenda.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM server of the GPU deployments: the {@code deploy/k8s-llm} overlay (bound to the
 * Kubernetes API model like {@code deploy/k8s}, and its patch checked against the base it
 * patches) and the compose {@code gpu} profile. What must hold for the llm-worker to
 * write minutes with it: the worker is switched to the OpenAI-compatible engine at the
 * server's address and model alias, the server gets a GPU and the models volume, and each
 * of its slots holds the context the worker fills.
 */
@SuppressWarnings("unchecked")
class LlmServerDeploymentTest {

	static final Path OVERLAY = Path.of("..", "deploy", "k8s-llm");

	static final Path WORKER_CONFIG = Path.of("..", "llm-worker", "src", "main", "resources", "llm-worker.yml");

	private static final ObjectMapper KUBERNETES = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final List<HasMetadata> resources = new ArrayList<>();

	private static Map<String, Object> kustomization;

	@BeforeAll
	static void load() throws Exception {
		kustomization = new Yaml().load(Files.readString(OVERLAY.resolve("kustomization.yaml")));
		for (Path file : yamlFiles(OVERLAY)) {
			for (Object document : new Yaml().loadAll(Files.readString(file))) {
				Map<String, Object> map = (Map<String, Object>) document;
				Class<? extends HasMetadata> type = switch (map.get("apiVersion") + "/" + map.get("kind")) {
					case "apps/v1/Deployment" -> Deployment.class;
					case "v1/Service" -> Service.class;
					default -> throw new AssertionError(file + ": unexpected kind " + map.get("kind"));
				};
				HasMetadata resource = KUBERNETES.convertValue(map, type);
				KubernetesManifestsTest.assertNoUnknownFields(resource, file + " " + resource.getMetadata().getName());
				resources.add(resource);
			}
		}
	}

	@Test
	void overlayBuildsOnTheBaseAndListsEveryManifest() throws IOException {
		List<String> listed = (List<String>) kustomization.get("resources");
		assertThat(listed).contains("../k8s");
		assertThat(listed.stream().filter(r -> !r.startsWith("..")).sorted().toList())
			.isEqualTo(yamlFiles(OVERLAY).stream().map(f -> f.getFileName().toString()).sorted().toList());
	}

	@Test
	void patchSwitchesTheWorkerToTheServer() throws IOException {
		Map<String, Object> patch = ((List<Map<String, Object>>) kustomization.get("patches")).get(0);
		assertThat((Map<String, Object>) patch.get("target")).containsEntry("kind", "Deployment")
			.containsEntry("name", "llm-worker");
		List<Map<String, Object>> operations = new Yaml().load((String) patch.get("patch"));
		Container base = baseWorker().getSpec().getTemplate().getSpec().getContainers().get(0);
		List<EnvVar> env = new ArrayList<>(base.getEnv());
		Pattern replace = Pattern.compile("/spec/template/spec/containers/0/env/(\\d+)/value");
		for (Map<String, Object> operation : operations) {
			String path = (String) operation.get("path");
			Matcher index = replace.matcher(path);
			if (operation.get("op").equals("replace") && index.matches()) {
				// a JSON patch addresses by position: the entry there must be the engine
				EnvVar target = env.get(Integer.parseInt(index.group(1)));
				assertThat(target.getName()).as(path).isEqualTo("AIGENDA_LLM_ENGINE");
				env.set(Integer.parseInt(index.group(1)),
						new EnvVar(target.getName(), (String) operation.get("value"), null));
			}
			else {
				assertThat(operation).containsEntry("op", "add")
					.containsEntry("path", "/spec/template/spec/containers/0/env/-");
				Map<String, String> value = (Map<String, String>) operation.get("value");
				env.add(new EnvVar(value.get("name"), value.get("value"), null));
			}
		}
		assertThat(value(env, "AIGENDA_LLM_ENGINE")).isEqualTo("openai");

		Service service = one(Service.class, "llm-server");
		int port = service.getSpec().getPorts().get(0).getPort();
		assertThat(value(env, "AIGENDA_LLM_BASE_URL")).isEqualTo("http://llm-server:" + port + "/v1");
		List<String> args = server().getArgs();
		assertThat(value(env, "AIGENDA_LLM_MODEL")).isEqualTo(after(args, "--alias"));
		assertThat(after(args, "--port")).isEqualTo(String.valueOf(port));
	}

	@Test
	void serverGetsAGpuAndThePulledModel() {
		Deployment deployment = one(Deployment.class, "llm-server");
		Container server = server();
		assertThat(server.getResources().getLimits()).containsKey("nvidia.com/gpu");
		assertThat(deployment.getSpec().getTemplate().getSpec().getNodeSelector())
			.containsKey("nvidia.com/gpu.present");
		assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
			.anySatisfy(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("aigenda-models"));
		assertThat(after(server.getArgs(), "-m")).isEqualTo("/models/mistral-7b-instruct-v0.2.Q4_K_M.gguf");
	}

	@Test
	void eachServerSlotHoldsTheContextTheWorkerFills() throws IOException {
		int worker = workerContextTokens();
		List<String> args = server().getArgs();
		assertThat(Integer.parseInt(after(args, "-c")) / Integer.parseInt(after(args, "--parallel")))
			.as("llama.cpp splits -c among --parallel slots")
			.isGreaterThanOrEqualTo(worker);

		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml()
			.load(Files.readString(Path.of("..", "docker-compose.yml")))).get("services");
		List<String> command = (List<String>) services.get("llm-server").get("command");
		assertThat(Integer.parseInt(after(command, "-c")) / Integer.parseInt(after(command, "--parallel")))
			.isGreaterThanOrEqualTo(worker);
		assertThat((List<String>) services.get("llm-server").get("profiles")).containsExactly("gpu");
	}

	/** The llm-worker's default context, {@code ${AIGENDA_LLM_CONTEXT_TOKENS:8192}}. */
	private static int workerContextTokens() throws IOException {
		Matcher matcher = Pattern.compile("context-tokens: \\$\\{AIGENDA_LLM_CONTEXT_TOKENS:(\\d+)}")
			.matcher(Files.readString(WORKER_CONFIG));
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static Deployment baseWorker() throws IOException {
		for (Object document : new Yaml()
			.loadAll(Files.readString(KubernetesManifestsTest.K8S.resolve("llm-worker.yaml")))) {
			Map<String, Object> map = (Map<String, Object>) document;
			if ("Deployment".equals(map.get("kind"))) {
				return KUBERNETES.convertValue(map, Deployment.class);
			}
		}
		throw new AssertionError("no llm-worker Deployment in deploy/k8s");
	}

	private static Container server() {
		return one(Deployment.class, "llm-server").getSpec().getTemplate().getSpec().getContainers().get(0);
	}

	private static <T extends HasMetadata> T one(Class<T> type, String name) {
		return resources.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter(r -> r.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
	}

	private static String value(List<EnvVar> env, String name) {
		return env.stream().filter(e -> e.getName().equals(name)).reduce((a, b) -> b).orElseThrow().getValue();
	}

	private static String after(List<String> args, String flag) {
		int at = args.indexOf(flag);
		assertThat(at).as(flag + " in " + args).isNotNegative();
		return args.get(at + 1).replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
	}

	private static List<Path> yamlFiles(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".yaml"))
				.filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
				.sorted()
				.toList();
		}
	}

}
