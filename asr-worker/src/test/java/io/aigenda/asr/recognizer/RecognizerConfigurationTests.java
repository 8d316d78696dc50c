package io.aigenda.asr.recognizer;

import io.aigenda.asr.AsrProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine is chosen by configuration alone: exactly one adapter bean exists. */
class RecognizerConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, RecognizerConfiguration.class);

	@Test
	void voskIsTheDefaultEngine() {
		this.contexts.run(context -> assertThat(context).getBean(SpeechRecognizer.class)
			.isInstanceOf(VoskSpeechRecognizer.class));
	}

	@Test
	void whisperCppIsChosenByProperty() {
		String model = System.getProperty("aigenda.shared") + "/models/for-tests-ggml-tiny.bin";
		this.contexts.withPropertyValues("aigenda.asr.engine=whisper-cpp", "aigenda.asr.whisper.model-path=" + model)
			.run(context -> {
				assertThat(context).hasSingleBean(SpeechRecognizer.class);
				assertThat(context.getBean(SpeechRecognizer.class).engine()).isEqualTo("whisper-cpp");
				assertThat(context.getBean(AsrProperties.class).engine()).isEqualTo(AsrProperties.Engine.WHISPER_CPP);
			});
	}

	@Test
	void whisperCppWithoutAModelFailsAtStartNamingTheSetting() {
		this.contexts.withPropertyValues("aigenda.asr.engine=whisper-cpp")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("aigenda.asr.whisper.model-path"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AsrProperties.class)
	static class Properties {

	}

}
