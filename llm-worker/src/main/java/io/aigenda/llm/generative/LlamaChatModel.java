package io.aigenda.llm.generative;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import io.aigenda.llm.minutes.LlmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GGUF model run in process by llama.cpp ({@code de.kherud:llama}). The messages go
 * through the model's chat template, and the answer is constrained by a grammar made from
 * the JSON schema, so even a small model answers with JSON of the right shape.
 */
public final class LlamaChatModel implements ChatModel {

	public static final String ENGINE = "llama";

	// file names of app's models.tsv entries qwen2.5-1.5b-instruct and
	// mistral-7b-instruct
	private static final String QWEN = "qwen2.5-1.5b-instruct-q4_k_m.gguf";

	private static final String MISTRAL = "mistral-7b-instruct-v0.2.Q4_K_M.gguf";

	private static final Logger log = LoggerFactory.getLogger(LlamaChatModel.class);

	private final LlamaModel model;

	private final int maxTokens;

	/**
	 * Loads the model.
	 * @throws IllegalArgumentException when the file does not exist
	 */
	public LlamaChatModel(LlmProperties.Llama options, int contextTokens) {
		Path file = find(options)
			.orElseThrow(() -> new IllegalArgumentException("No GGUF model at '" + options.modelPath()
					+ "' (aigenda.llm.llama.model-path; `aigenda models pull qwen2.5-1.5b-instruct`)"));
		log.info("Minutes by {} in process", file);
		LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> log.debug("llama.cpp {}: {}", level, message.strip()));
		this.model = new LlamaModel(new ModelParameters().setModel(file.toString())
			.setCtxSize(contextTokens)
			.setThreads(Math.max(1, options.threads()))
			.setGpuLayers(Math.max(0, options.gpuLayers())));
		this.maxTokens = options.maxTokens();
	}

	/**
	 * The configured GGUF file, or in a models directory the first present of the
	 * catalogue's instruct models ({@code models pull}): the CPU-sized one first on a
	 * CPU, the larger first when layers go to a GPU.
	 */
	public static Optional<Path> find(LlmProperties.Llama options) {
		if (options.modelPath().isBlank()) {
			return Optional.empty();
		}
		Path path = Path.of(options.modelPath());
		if (Files.isRegularFile(path)) {
			return Optional.of(path);
		}
		List<String> names = options.gpuLayers() > 0 ? List.of(MISTRAL, QWEN) : List.of(QWEN, MISTRAL);
		return names.stream().map(path::resolve).filter(Files::isRegularFile).findFirst();
	}

	@Override
	public String engine() {
		return ENGINE;
	}

	@Override
	public String chat(List<ChatMessage> messages, String jsonSchema) {
		InferenceParameters parameters = new InferenceParameters(prompt(messages)).setNPredict(this.maxTokens)
			.setTemperature(0.2f)
			.setSeed(42);
		if (jsonSchema != null) {
			parameters.setGrammar(LlamaModel.jsonSchemaToGrammar(jsonSchema));
		}
		try {
			return this.model.complete(parameters);
		}
		catch (RuntimeException ex) {
			throw new ChatException("llama.cpp failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The messages rendered by the model's chat template. Rendered here rather than left
	 * to {@code complete}: given messages instead of a prompt, the binding's completion
	 * starts from an empty prompt and the model never sees the transcript.
	 */
	String prompt(List<ChatMessage> messages) {
		String system = null;
		List<Pair<String, String>> turns = new ArrayList<>();
		for (ChatMessage message : messages) {
			if (message.role().equals("system")) {
				system = message.content();
			}
			else {
				turns.add(new Pair<>(message.role(), message.content()));
			}
		}
		try {
			return this.model
				.applyTemplate(new InferenceParameters("").setUseChatTemplate(true).setMessages(system, turns));
		}
		catch (RuntimeException ex) {
			throw new ChatException("llama.cpp cannot apply the chat template: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.model.close();
	}

}
