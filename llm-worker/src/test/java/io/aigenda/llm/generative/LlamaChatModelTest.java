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
import org.junit.jupiter.api.io.TempDir;

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
	void theModelReadsTheMessagesThroughItsChatTemplate() {
		String prompt = model.prompt(
				List.of(ChatMessage.system("You write minutes."), ChatMessage.user("[0.0] S1: Let us ship on Friday."),
						ChatMessage.assistant("{}"), ChatMessage.user("Answer again.")));

		System.out.println("stories260K prompt: " + prompt);
		assertThat(prompt).containsSubsequence("You write minutes.", "[0.0] S1: Let us ship on Friday.", "{}",
				"Answer again.");
	}

	@Test
	void tinyModelWritesSchemaValidMinutes() {
		LexicalTopicSegmenter topics = new LexicalTopicSegmenter(TopicOptions.defaults().withSegmenter("lexical"));
		LlmMinutesWriter writer = new LlmMinutesWriter(model,
				new ExtractiveMinutesWriter(LlmProperties.Extractive.defaults(), topics), topics, 2048, 300);

		Minutes minutes = writer.write(LlmMinutesWriterTest.ENGLISH);

		System.out.println("stories260K minutes: " + MinutesJson.write(minutes));
		// the grammar keeps even this model's answer inside the schema (fixed seed: the
		// same answer each run); its times and speakers are replaced by the transcript's
		assertThat(minutes.engine()).isEqualTo("llama");
		assertThat(minutes.generator()).isEqualTo(Minutes.LLM);
		assertThat(minutes.language()).isEqualTo(Language.EN);
		assertThat(minutes.topics()).isNotEmpty().extracting(Minutes.Topic::generator).containsOnly(Minutes.LLM);
		assertThat(minutes.topics())
			.allSatisfy(t -> assertThat(t.end()).isLessThanOrEqualTo(LlmMinutesWriterTest.ENGLISH.durationSeconds()));
		assertThat(minutes.decisions()).allSatisfy(d -> assertThat(d.speaker()).isIn("S1", "S2"));
		assertThat(minutes.actionItems()).allSatisfy(a -> assertThat(a.speaker()).isIn("S1", "S2"));
		assertThat(minutes.warnings()).isEmpty();
	}

	@Test
	void answerCutShortIsRepairedOnceThenTheBlockIsWrittenExtractively() {
		// 12 tokens cannot hold the minutes: the grammar-constrained answer is cut, so
		// both
		// the answer and its repair are invalid JSON
		try (LlamaChatModel terse = new LlamaChatModel(new LlmProperties.Llama(MODEL.toString(), 2, 0, 12), 2048)) {
			LexicalTopicSegmenter topics = new LexicalTopicSegmenter(TopicOptions.defaults().withSegmenter("lexical"));
			LlmMinutesWriter writer = new LlmMinutesWriter(terse,
					new ExtractiveMinutesWriter(LlmProperties.Extractive.defaults(), topics), topics, 2048, 12);

			Minutes minutes = writer.write(LlmMinutesWriterTest.ENGLISH);

			MinutesJson.write(minutes);
			assertThat(minutes.engine()).isEqualTo("extractive");
			assertThat(minutes.generator()).isEqualTo(Minutes.EXTRACTIVE);
			assertThat(minutes.topics()).extracting(Minutes.Topic::generator).containsOnly(Minutes.EXTRACTIVE);
			assertThat(minutes.summary()).isNotBlank();
			assertThat(minutes.warnings()).singleElement()
				.asString()
				.startsWith("The language model failed (it is not a JSON object");
		}
	}

	@Test
	void pulledModelIsFoundInTheModelsDirectory(@TempDir Path models) throws Exception {
		LlmProperties.Llama options = new LlmProperties.Llama(models.toString(), 2, 0, 300);
		assertThat(LlamaChatModel.find(options)).isEmpty();
		Files.copy(MODEL, models.resolve("mistral-7b-instruct-v0.2.Q4_K_M.gguf"));
		assertThat(LlamaChatModel.find(options)).contains(models.resolve("mistral-7b-instruct-v0.2.Q4_K_M.gguf"));
		Files.copy(MODEL, models.resolve("qwen2.5-1.5b-instruct-q4_k_m.gguf"));
		// on a CPU the smaller model first, with GPU layers the larger
		assertThat(LlamaChatModel.find(options)).contains(models.resolve("qwen2.5-1.5b-instruct-q4_k_m.gguf"));
		assertThat(LlamaChatModel.find(new LlmProperties.Llama(models.toString(), 2, 99, 300)))
			.contains(models.resolve("mistral-7b-instruct-v0.2.Q4_K_M.gguf"));
		assertThat(LlamaChatModel.find(new LlmProperties.Llama(MODEL.toString(), 2, 0, 300))).contains(MODEL);

		LlmProperties auto = new LlmProperties("auto", LlmProperties.Extractive.defaults(),
				TopicOptions.defaults().withSegmenter("lexical"), LlmProperties.OpenAi.defaults(), options, 2048);
		assertThat(io.aigenda.llm.minutes.MinutesWriters.create(auto).engine()).isEqualTo("llama");
		Files.delete(models.resolve("mistral-7b-instruct-v0.2.Q4_K_M.gguf"));
		Files.delete(models.resolve("qwen2.5-1.5b-instruct-q4_k_m.gguf"));
		assertThat(io.aigenda.llm.minutes.MinutesWriters.create(auto).engine()).isEqualTo("extractive");
	}

	@Test
	void missingModelFileIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LlamaChatModel(new LlmProperties.Llama("target/none.gguf", 1, 0, 10), 512))
			.withMessageContaining("No GGUF model");
		assertThat(Files.exists(Path.of("target/none.gguf"))).isFalse();
	}

}
