package io.aigenda.llm.minutes;

import io.aigenda.llm.extractive.ExtractiveMinutesWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the minutes engine from {@code aigenda.llm.engine}; LLM adapters plug in beside
 * it.
 */
@Configuration(proxyBeanMethods = false)
class MinutesWriterConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "aigenda.llm", name = "engine", havingValue = ExtractiveMinutesWriter.ENGINE)
	MinutesWriter extractiveMinutesWriter(LlmProperties properties) {
		return MinutesWriters.extractive(properties);
	}

	/** A chat model (openai, llama) with the extractive writer as its fallback. */
	@Bean
	@ConditionalOnProperty(prefix = "aigenda.llm", name = "engine", havingValue = "openai")
	MinutesWriter openAiMinutesWriter(LlmProperties properties) {
		return MinutesWriters.create(properties);
	}

	/**
	 * The default: llama.cpp in process when {@code llama.model-path} finds a GGUF model
	 * (pulled into the models directory or configured), else extractive.
	 */
	@Bean
	@ConditionalOnProperty(prefix = "aigenda.llm", name = "engine", havingValue = MinutesWriters.AUTO,
			matchIfMissing = true)
	MinutesWriter autoMinutesWriter(LlmProperties properties) {
		return MinutesWriters.create(properties);
	}

	@Bean
	@ConditionalOnProperty(prefix = "aigenda.llm", name = "engine", havingValue = "llama")
	MinutesWriter llamaMinutesWriter(LlmProperties properties) {
		return MinutesWriters.create(properties);
	}

}
