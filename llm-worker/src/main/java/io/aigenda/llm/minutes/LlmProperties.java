package io.aigenda.llm.minutes;

import java.time.Duration;

import io.aigenda.llm.topics.TopicOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the llm-worker.
 *
 * @param engine which {@link MinutesWriter} writes the minutes: {@code auto} (a GGUF
 * model in process when {@code llama.model-path} finds one, else extractive),
 * {@code extractive} (offline), {@code openai} (an OpenAI-compatible server) or
 * {@code llama} (a GGUF model in process)
 * @param extractive hyper-parameters of the extractive writer
 * @param topics topic segmentation
 * @param openai the OpenAI-compatible chat server
 * @param llama the in-process llama.cpp model
 * @param contextTokens the model's context; longer meetings are summarised topic by topic
 * and merged
 */
@ConfigurationProperties("aigenda.llm")
public record LlmProperties(@DefaultValue("auto") String engine, @DefaultValue Extractive extractive,
		@DefaultValue TopicOptions topics, @DefaultValue OpenAi openai, @DefaultValue Llama llama,
		@DefaultValue("8192") int contextTokens) {

	/**
	 * The same values Spring binds when nothing is configured, for use outside Spring.
	 */
	public static LlmProperties defaults() {
		return new LlmProperties("auto", Extractive.defaults(), TopicOptions.defaults(), OpenAi.defaults(),
				Llama.defaults(), 8192);
	}

	public LlmProperties withEngine(String name) {
		return new LlmProperties(name, this.extractive, this.topics, this.openai, this.llama, this.contextTokens);
	}

	/**
	 * Hyper-parameters of the extractive writer.
	 *
	 * @param pauseSeconds a silence longer than this between two words ends a sentence
	 * @param maxSentenceWords a sentence is cut after this many words when no punctuation
	 * comes
	 * @param summarySentences most sentences in the summary
	 * @param summaryMaxChars length budget of the summary
	 * @param titleKeywords keywords in a topic title (where topics start and how many
	 * there are is {@code topics}' business)
	 */
	public record Extractive(@DefaultValue("0.7") double pauseSeconds, @DefaultValue("40") int maxSentenceWords,
			@DefaultValue("5") int summarySentences, @DefaultValue("800") int summaryMaxChars,
			@DefaultValue("3") int titleKeywords) {

		public static Extractive defaults() {
			return new Extractive(0.7, 40, 5, 800, 3);
		}

	}

	/**
	 * An OpenAI-compatible chat completions server (vLLM, Ollama, llama.cpp server, ...).
	 *
	 * @param baseUrl the API root, ending in {@code /v1}
	 * @param apiKey sent as a bearer token when not empty
	 * @param model the served model's name
	 * @param jsonSchema ask for output constrained to the minutes schema
	 * ({@code response_format} {@code json_schema}); servers that refuse it are asked
	 * again without
	 * @param timeout for one completion
	 * @param temperature sampling temperature
	 * @param maxTokens most tokens in one answer
	 */
	public record OpenAi(@DefaultValue("http://127.0.0.1:8000/v1") String baseUrl, @DefaultValue("") String apiKey,
			@DefaultValue("mistral-7b-instruct") String model, @DefaultValue("true") boolean jsonSchema,
			@DefaultValue("PT300S") Duration timeout, @DefaultValue("0.2") double temperature,
			@DefaultValue("1500") int maxTokens) {

		public static OpenAi defaults() {
			return new OpenAi("http://127.0.0.1:8000/v1", "", "mistral-7b-instruct", true, Duration.ofSeconds(300), 0.2,
					1500);
		}

	}

	/**
	 * A GGUF model run in process by llama.cpp.
	 *
	 * @param modelPath the {@code .gguf} file, or the models directory
	 * ({@code models pull} puts them there) where the first present of the catalogue's
	 * instruct models is used
	 * @param threads CPU threads
	 * @param gpuLayers layers offloaded to a GPU, where the native library has one
	 * @param maxTokens most tokens in one answer
	 */
	public record Llama(@DefaultValue("models") String modelPath, @DefaultValue("2") int threads,
			@DefaultValue("0") int gpuLayers, @DefaultValue("1500") int maxTokens) {

		public static Llama defaults() {
			return new Llama("models", 2, 0, 1500);
		}

	}

}
