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
	void extractiveEngineIsChosenByDefaultAndUnknownEngineIsRefused() {
		new ApplicationContextRunner().withUserConfiguration(Bound.class, MinutesWriterConfiguration.class)
			.run(context -> assertThat(context.getBean(MinutesWriter.class).engine()).isEqualTo("extractive"));
		assertThat(MinutesWriters.extractive().engine()).isEqualTo("extractive");
		LlmProperties unknown = LlmProperties.defaults().withEngine("gpt-7");
		assertThatIllegalArgumentException().isThrownBy(() -> MinutesWriters.create(unknown))
			.withMessageContaining("gpt-7");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LlmProperties.class)
	static class Bound {

	}

}
