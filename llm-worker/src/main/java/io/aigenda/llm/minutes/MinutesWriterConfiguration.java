package io.aigenda.llm.minutes;

import io.aigenda.llm.extractive.ExtractiveMinutesWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the minutes engine from {@code aigenda.llm.engine}; LLM adapters plug in beside it. */
@Configuration(proxyBeanMethods = false)
class MinutesWriterConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "aigenda.llm", name = "engine", havingValue = ExtractiveMinutesWriter.ENGINE,
			matchIfMissing = true)
	MinutesWriter extractiveMinutesWriter(LlmProperties properties) {
		return MinutesWriters.extractive(properties);
	}

}
