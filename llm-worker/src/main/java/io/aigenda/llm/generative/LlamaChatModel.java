package io.aigenda.llm.generative;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

	private static final Logger log = LoggerFactory.getLogger(LlamaChatModel.class);

	private final LlamaModel model;

	private final int maxTokens;

	/**
	 * Loads the model.
	 * @throws IllegalArgumentException when the file does not exist
	 */
	public LlamaChatModel(LlmProperties.Llama options, int contextTokens) {
		Path file = Path.of(options.modelPath());
		if (options.modelPath().isBlank() || !Files.isRegularFile(file)) {
			throw new IllegalArgumentException(
					"No GGUF model at '" + options.modelPath() + "' (aigenda.llm.llama.model-path)");
		}
		LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> log.debug("llama.cpp {}: {}", level, message.strip()));
		this.model = new LlamaModel(new ModelParameters().setModel(file.toString())
			.setCtxSize(contextTokens)
			.setThreads(Math.max(1, options.threads()))
			.setGpuLayers(Math.max(0, options.gpuLayers())));
		this.maxTokens = options.maxTokens();
	}

	@Override
	public String engine() {
		return ENGINE;
	}

	@Override
	public String chat(List<ChatMessage> messages, String jsonSchema) {
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
		InferenceParameters parameters = new InferenceParameters("").setUseChatTemplate(true)
			.setMessages(system, turns)
			.setNPredict(this.maxTokens)
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

	@Override
	public void close() {
		this.model.close();
	}

}
