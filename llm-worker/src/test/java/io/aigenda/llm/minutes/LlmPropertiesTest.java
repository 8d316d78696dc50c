package io.aigenda.llm.minutes;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LlmPropertiesTest {

	@Test
	void defaultsOutsideSpringMatchTheBoundDefaults() {
		new ApplicationContextRunner().withUserConfiguration(Bound.class)
			.run(context -> assertThat(context.getBean(LlmProperties.class)).isEqualTo(LlmProperties.defaults()));
	}

	@Test
	void autoEngineWritesExtractivelyWithoutAModelAndUnknownEngineIsRefused() {
		assertThat(LlmProperties.defaults().engine()).isEqualTo("auto");
		// no GGUF in ./models here: auto falls to the extractive writer
		new ApplicationContextRunner().withUserConfiguration(Bound.class, MinutesWriterConfiguration.class)
			.withPropertyValues("aigenda.llm.topics.segmenter=lexical")
			.run(context -> assertThat(context.getBean(MinutesWriter.class).engine()).isEqualTo("extractive"));
		new ApplicationContextRunner().withUserConfiguration(Bound.class, MinutesWriterConfiguration.class)
			.withPropertyValues("aigenda.llm.engine=extractive", "aigenda.llm.topics.segmenter=lexical")
			.run(context -> assertThat(context.getBean(MinutesWriter.class).engine()).isEqualTo("extractive"));
		assertThat(MinutesWriters.extractive().engine()).isEqualTo("extractive");
		LlmProperties unknown = LlmProperties.defaults().withEngine("gpt-7");
		assertThatIllegalArgumentException().isThrownBy(() -> MinutesWriters.create(unknown))
			.withMessageContaining("gpt-7");
	}

	@Test
	void openAiEngineWritesWithAChatModelAndLlamaNeedsItsModelFile() {
		new ApplicationContextRunner().withUserConfiguration(Bound.class, MinutesWriterConfiguration.class)
			.withPropertyValues("aigenda.llm.engine=openai", "aigenda.llm.openai.base-url=http://127.0.0.1:1/v1",
					"aigenda.llm.topics.segmenter=lexical")
			.run(context -> assertThat(context.getBean(MinutesWriter.class).engine()).isEqualTo("openai"));
		LlmProperties llama = LlmProperties.defaults().withEngine("llama");
		assertThatIllegalArgumentException().isThrownBy(() -> MinutesWriters.create(llama))
			.withMessageContaining("model-path");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LlmProperties.class)
	static class Bound {

	}

}
