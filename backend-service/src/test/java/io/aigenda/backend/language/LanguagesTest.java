package io.aigenda.backend.language;

import java.nio.file.Files;
import java.nio.file.Path;

import io.aigenda.contracts.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Russian is offered exactly when the speech settings the backend sees give it a model:
 * the same rules the asr-worker loads by.
 */
class LanguagesTest {

	@TempDir
	Path models;

	@Test
	void whisperCppServesRussianWithAConfiguredOrAPulledModelOnly() throws Exception {
		MockEnvironment environment = settings().withProperty("aigenda.asr.engine", "whisper-cpp");
		assertThat(new Languages(environment).available(Language.RU)).as("no Whisper model anywhere").isFalse();

		Files.write(this.models.resolve("ggml-small.bin"), new byte[] { 1 });
		assertThat(new Languages(environment).available(Language.RU)).as("pulled ggml-small.bin").isTrue();

		environment.setProperty("aigenda.asr.whisper.model-path", this.models.resolve("missing.bin").toString());
		assertThat(new Languages(environment).available(Language.RU)).as("a configured file that is not there")
			.isFalse();
	}

	@Test
	void anOpenAiCompatibleServerServesRussianOnceItHasAnAddress() {
		MockEnvironment environment = settings().withProperty("aigenda.asr.engine", "openai");
		assertThat(new Languages(environment).available(Language.RU)).isFalse();
		environment.setProperty("aigenda.asr.openai.base-url", "http://whisper-server:8000/v1");
		assertThat(new Languages(environment).available(Language.RU)).isTrue();
	}

	@Test
	void aPulledWhisperModelDoesNotCountForTheVoskEngine() throws Exception {
		Files.write(this.models.resolve("ggml-base.bin"), new byte[] { 1 });
		MockEnvironment environment = settings().withProperty("aigenda.asr.engine", "vosk");
		assertThat(new Languages(environment).available(Language.RU)).isFalse();
		assertThat(new Languages(environment).available(Language.EN)).isTrue();
	}

	private MockEnvironment settings() {
		// both folders a model could be pulled into point at this test's folder
		return new MockEnvironment().withProperty("AIGENDA_MODELS_DIR", this.models.toString())
			.withProperty("aigenda.asr.vosk.models-dir", this.models.toString());
	}

}
