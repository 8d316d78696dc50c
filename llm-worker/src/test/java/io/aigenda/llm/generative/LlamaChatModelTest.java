package io.aigenda.llm.generative;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes;
import io.aigenda.llm.extractive.ExtractiveMinutesWriter;
import io.aigenda.llm.minutes.LlmProperties;
import io.aigenda.llm.minutes.MinutesJson;
import io.aigenda.llm.topics.LexicalTopicSegmenter;
import io.aigenda.llm.topics.TopicOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * llama.cpp in process with the real tiny stories260K model (shared/models): it writes
 * nonsense, but prompt, chat template, grammar-constrained generation, parsing and
 * validation all run.
 */
class LlamaChatModelTest {

	static final Path MODEL = Path.of(System.getProperty("aigenda.shared", "../../shared"), "models/stories260K.gguf");

	private static LlamaChatModel model;

	@BeforeAll
	static void load() {
		assertThat(MODEL).as("the test model from shared/models").isRegularFile();
		model = new LlamaChatModel(new LlmProperties.Llama(MODEL.toString(), 2, 0, 300), 2048);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	@Test
	void grammarFromTheSchemaMakesTheAnswerJson() {
		String answer = model.chat(List.of(ChatMessage.system("Answer in JSON."), ChatMessage.user("Once upon a time")),
				Drafts.summarySchema());

		System.out.println("stories260K answer: " + answer);
		assertThat(answer).startsWith("{");
		assertThat(Drafts.object(answer).has("summary")).isTrue();
	}

	@Test
	void tinyModelWritesSchemaValidMinutes() {
		LexicalTopicSegmenter topics = new LexicalTopicSegmenter(TopicOptions.defaults().withSegmenter("lexical"));
		LlmMinutesWriter writer = new LlmMinutesWriter(model,
				new ExtractiveMinutesWriter(LlmProperties.Extractive.defaults(), topics), topics, 2048, 300);

		Minutes minutes = writer.write(LlmMinutesWriterTest.ENGLISH);

		MinutesJson.write(minutes);
		System.out.println("stories260K minutes: " + MinutesJson.write(minutes));
		// the grammar keeps even this model's answer inside the schema (fixed seed: the
		// same answer each run)
		assertThat(minutes.engine()).isEqualTo("llama");
		assertThat(minutes.language()).isEqualTo(Language.EN);
		assertThat(minutes.summary()).isNotBlank();
		assertThat(minutes.warnings()).isEmpty();
	}

	@Test
	void missingModelFileIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LlamaChatModel(new LlmProperties.Llama("target/none.gguf", 1, 0, 10), 512))
			.withMessageContaining("No GGUF model");
		assertThat(Files.exists(Path.of("target/none.gguf"))).isFalse();
	}

}
