package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesSchema;
import io.aigenda.contracts.Word;
import io.aigenda.llm.minutes.LlmProperties;
import io.aigenda.llm.minutes.MinutesJson;
import io.aigenda.llm.topics.LexicalTopicSegmenter;
import io.aigenda.llm.topics.TopicOptions;
import io.aigenda.llm.topics.TopicSegmenters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveMinutesWriterTest {

	private final ExtractiveMinutesWriter writer = new ExtractiveMinutesWriter(LlmProperties.Extractive.defaults(),
			new LexicalTopicSegmenter(TopicOptions.defaults()));

	@Test
	void emptyTranscriptGivesValidMinutesWithAWarning() {
		Minutes minutes = this.writer.write(new MeetingTranscript(Language.EN, 0, List.of(), List.of(), List.of()));
		assertThat(MinutesSchema.validate(MinutesJson.write(minutes))).isEmpty();
		assertThat(minutes.summary()).isEmpty();
		assertThat(minutes.topics()).isEmpty();
		assertThat(minutes.decisions()).isEmpty();
		assertThat(minutes.actionItems()).isEmpty();
		assertThat(minutes.warnings()).containsExactly("no speech");
		assertThat(minutes.language()).isEqualTo(Language.EN);
	}

	@Test
	void transcriptWithoutLanguageOrWordsListDefaultsToEnglish() {
		Minutes minutes = this.writer.write(new MeetingTranscript(null, 0, null, null, null));
		assertThat(minutes.language()).isEqualTo(Language.EN);
		assertThat(minutes.warnings()).containsExactly("no speech");
	}

	@Test
	void topicsFromSentenceEmbeddingsAreTitledAndTimed() throws Exception {
		ExtractiveMinutesWriter embedded = new ExtractiveMinutesWriter(LlmProperties.Extractive.defaults(),
				TopicSegmenters.create(TopicOptions.defaults().withSegmenter(TopicOptions.EMBEDDING)));
		Minutes minutes = embedded.write(AmiMeetings.transcript());

		assertThat(MinutesSchema.validate(MinutesJson.write(minutes))).isEmpty();
		assertThat(minutes.topics()).hasSizeBetween(2, 10).allSatisfy(t -> {
			assertThat(t.title()).isNotBlank();
			assertThat(t.end()).isGreaterThan(t.start() + 90);
		});
		for (int i = 1; i < minutes.topics().size(); i++) {
			assertThat(minutes.topics().get(i).start()).isGreaterThanOrEqualTo(minutes.topics().get(i - 1).end());
		}
		minutes.topics()
			.forEach(t -> System.out.printf("EMBEDDING TOPIC %.0f-%.0f s: %s%n", t.start(), t.end(), t.title()));
	}

	@Test
	void amiMeetingGivesValidMinutesWithSummaryActionsAndTopics() throws Exception {
		MeetingTranscript transcript = AmiMeetings.transcript();
		long started = System.nanoTime();
		Minutes minutes = this.writer.write(transcript);
		double seconds = (System.nanoTime() - started) / 1e9;
		String json = MinutesJson.write(minutes);

		assertThat(MinutesSchema.validate(json)).isEmpty();
		assertThat(minutes.language()).isEqualTo(Language.EN);
		assertThat(minutes.summary()).isNotBlank().hasSizeLessThanOrEqualTo(800);
		assertThat(minutes.actionItems()).isNotEmpty();
		assertThat(minutes.topics()).hasSizeBetween(2, 10);
		for (int i = 1; i < minutes.topics().size(); i++) {
			assertThat(minutes.topics().get(i).start()).isGreaterThanOrEqualTo(minutes.topics().get(i - 1).end());
		}
		assertThat(minutes.warnings()).isEmpty();

		System.out.printf("AMI ES2002d: %d words, written in %.2f s%n", transcript.words().size(), seconds);
		System.out.println("SUMMARY: " + minutes.summary());
		minutes.topics().forEach(t -> System.out.printf("TOPIC %.0f-%.0f s: %s%n", t.start(), t.end(), t.title()));
		minutes.decisions().forEach(d -> System.out.printf("DECISION [%s] %s%n", d.speaker(), d.text()));
		minutes.actionItems()
			.forEach(a -> System.out.printf("ACTION [%s] owner=%s due=%s: %s%n", a.speaker(), a.owner(), a.due(),
					a.text()));
		report("abstract vs summary", AmiMeetings.reference("abstract"), List.of(minutes.summary()));
		List<String> found = new ArrayList<>();
		minutes.decisions().forEach(d -> found.add(d.text()));
		minutes.actionItems().forEach(a -> found.add(a.text()));
		report("decisions vs decisions+actions", AmiMeetings.reference("decisions"), found);
		System.out.println("AMI reference actions: " + AmiMeetings.reference("actions"));
	}

	@Test
	void russianTranscriptWithoutPunctuationIsSplitAtPausesAndDetectedAsRussian() {
		List<Word> words = new ArrayList<>();
		double[] time = { 0 };
		say(words, time, "S1", "коллеги сегодня обсуждаем запуск нового сайта и бюджет на рекламу");
		say(words, time, "S2", "я займусь дизайном главной страницы до пятницы");
		time[0] += 2.0;
		say(words, time, "S2", "надо ещё согласовать тексты с юристами");
		say(words, time, "S1", "хорошо решили запускать сайт в начале месяца");
		MeetingTranscript transcript = new MeetingTranscript(Language.AUTO, time[0], List.of("S1", "S2"), words,
				List.of());

		Minutes minutes = this.writer.write(transcript);

		assertThat(MinutesSchema.validate(MinutesJson.write(minutes))).isEmpty();
		assertThat(minutes.language()).isEqualTo(Language.RU);
		assertThat(minutes.actionItems()).extracting(Minutes.ActionItem::text)
			.containsExactly("Я займусь дизайном главной страницы до пятницы.",
					"Надо ещё согласовать тексты с юристами.");
		assertThat(minutes.actionItems().get(0).owner()).isEqualTo("S2");
		assertThat(minutes.actionItems().get(0).due()).isEqualTo("до пятницы");
		assertThat(minutes.decisions()).extracting(Minutes.Decision::speaker).containsExactly("S1");
		assertThat(minutes.topics()).hasSize(1);
		assertThat(minutes.topics().get(0).start()).isZero();
		assertThat(minutes.topics().get(0).end()).isEqualTo(time[0], org.assertj.core.data.Offset.offset(0.4));
	}

	@Test
	void shortSpeechOfFewContentWordsStillGetsASummaryAndTopicSummary() {
		List<Word> words = new ArrayList<>();
		double[] time = { 0 };
		say(words, time, "S1", "and so my fellow americans");
		time[0] += 1.0;
		say(words, time, "S1", "ask not what your country can do for you ask what you can do for your country");
		MeetingTranscript transcript = new MeetingTranscript(Language.EN, time[0], List.of("S1"), words, List.of());

		Minutes minutes = this.writer.write(transcript);

		assertThat(MinutesSchema.validate(MinutesJson.write(minutes))).isEmpty();
		assertThat(minutes.summary()).containsIgnoringCase("country");
		assertThat(minutes.topics()).allSatisfy(topic -> assertThat(topic.summary()).isNotBlank());
	}

	private static void say(List<Word> words, double[] time, String speaker, String text) {
		for (String token : text.split(" ")) {
			words.add(new Word(time[0], time[0] + 0.35, token, 0.9, speaker));
			time[0] += 0.4;
		}
		time[0] += 0.2;
	}

	/**
	 * Share of each reference item's content words found in the best-matching generated
	 * item.
	 */
	private static void report(String what, List<String> references, List<String> generated) {
		double total = 0;
		for (String reference : references) {
			Set<String> wanted = new HashSet<>(Terms.terms(reference, Language.EN));
			double best = 0;
			for (String candidate : generated) {
				Set<String> got = new HashSet<>(Terms.terms(candidate, Language.EN));
				got.retainAll(wanted);
				best = Math.max(best, wanted.isEmpty() ? 0 : (double) got.size() / wanted.size());
			}
			total += best;
			System.out.printf("  %.2f  %s%n", best, reference);
		}
		System.out.printf("AMI overlap (%s): mean content-word recall %.2f over %d reference items%n", what,
				references.isEmpty() ? 0 : total / references.size(), references.size());
	}

}
