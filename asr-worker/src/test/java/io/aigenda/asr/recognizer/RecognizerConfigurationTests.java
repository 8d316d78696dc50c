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

	@Test
	void anOpenAiCompatibleServerIsChosenByProperty() {
		this.contexts
			.withPropertyValues("aigenda.asr.engine=openai", "aigenda.asr.openai.base-url=http://127.0.0.1:8000/v1",
					"aigenda.asr.openai.model=Systran/faster-whisper-small", "aigenda.asr.openai.timeout=45s")
			.run(context -> {
				assertThat(context).hasSingleBean(SpeechRecognizer.class);
				assertThat(context.getBean(SpeechRecognizer.class)).isInstanceOf(OpenAiSpeechRecognizer.class);
				AsrProperties.OpenAi settings = context.getBean(AsrProperties.class).openai();
				assertThat(settings.model()).isEqualTo("Systran/faster-whisper-small");
				assertThat(settings.timeout()).isEqualTo(java.time.Duration.ofSeconds(45));
				assertThat(settings.apiKey()).isNull();
			});
	}

	@Test
	void anOpenAiServerWithoutAnAddressFailsAtStartNamingTheSetting() {
		this.contexts.withPropertyValues("aigenda.asr.engine=openai")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("aigenda.asr.openai.base-url"));
	}

	@Test
	void withoutAModelFileWhisperUsesTheBestPulledModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path models)
			throws Exception {
		java.nio.file.Path tiny = java.nio.file.Path.of(System.getProperty("aigenda.shared"),
				"models/for-tests-ggml-tiny.bin");
		assertThat(PulledWhisperModels.best(models)).isEmpty();
		java.nio.file.Files.copy(tiny, models.resolve("ggml-base.bin"));
		assertThat(PulledWhisperModels.resolve(null, models)).isEqualTo(models.resolve("ggml-base.bin"));
		java.nio.file.Files.copy(tiny, models.resolve("ggml-small.bin"));
		assertThat(PulledWhisperModels.resolve(null, models)).isEqualTo(models.resolve("ggml-small.bin"));
		assertThat(PulledWhisperModels.resolve(tiny, models)).as("a configured file wins").isEqualTo(tiny);
		try (SpeechRecognizer recognizer = new WhisperCppSpeechRecognizer(PulledWhisperModels.resolve(null, models),
				1)) {
			assertThat(recognizer.engine()).isEqualTo("whisper-cpp");
		}
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> PulledWhisperModels.resolve(null, models.resolve("empty"))))
			.hasMessageContaining("aigenda models pull whisper-base");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AsrProperties.class)
	static class Properties {

	}

}
