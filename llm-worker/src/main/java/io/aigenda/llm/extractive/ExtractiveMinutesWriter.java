package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.Minutes.ActionItem;
import io.aigenda.contracts.Minutes.Decision;
import io.aigenda.contracts.Minutes.Topic;
import io.aigenda.contracts.TextLanguage;
import io.aigenda.contracts.Word;
import io.aigenda.llm.minutes.LlmProperties;
import io.aigenda.llm.minutes.MinutesWriter;
import io.aigenda.llm.topics.TopicSegmenter;

/**
 * Minutes without a language model: sentences rebuilt from the words, a TF-IDF extractive
 * summary, rule-based decisions and action items in Russian and English, and topics where
 * the configured {@link TopicSegmenter} finds them, titled by their keywords.
 * Deterministic, offline and fast, so it is the default and the fallback.
 */
public final class ExtractiveMinutesWriter implements MinutesWriter {

	public static final String ENGINE = "extractive";

	/** Fewer sentences than this make a summary of little use; the minutes say so. */
	private static final int FEW_SENTENCES = 3;

	private final LlmProperties.Extractive options;

	private final TopicTitler topics;

	/**
	 * @param topics finds topic boundaries (sentence embeddings or lexical, see
	 * {@code io.aigenda.llm.topics})
	 */
	public ExtractiveMinutesWriter(LlmProperties.Extractive options, TopicSegmenter topics) {
		this.options = options;
		this.topics = new TopicTitler(Objects.requireNonNull(topics, "topics"), options.titleKeywords());
	}

	@Override
	public String engine() {
		return ENGINE;
	}

	@Override
	public Minutes write(MeetingTranscript transcript) {
		List<Word> words = transcript.words() == null ? List.of()
				: transcript.words().stream().filter(Objects::nonNull).toList();
		StringBuilder all = new StringBuilder();
		words.forEach(w -> all.append(w.text()).append(' '));
		// The transcript says which language was spoken; only when it left that open do
		// the
		// letters decide.
		Language language = Language.decide(transcript.language(), TextLanguage.of(all));
		List<Sentence> sentences = Sentences.split(words, language, this.options.pauseSeconds(),
				this.options.maxSentenceWords());
		List<String> warnings = new ArrayList<>();
		if (sentences.isEmpty()) {
			warnings.add(language == Language.RU ? "Речь не обнаружена" : "no speech");
			return new Minutes(language, ENGINE, "", List.of(), List.of(), List.of(), warnings);
		}
		if (sentences.size() < FEW_SENTENCES) {
			warnings.add(language == Language.RU ? "Слишком короткая запись для содержательного резюме"
					: "transcript too short for a meaningful summary");
		}
		TermVectors vectors = new TermVectors(sentences);
		List<Topic> topics = this.topics.topics(sentences, language);
		String summary = topics.size() >= 2 ? summaryAcross(topics) : SummaryBuilder.text(SummaryBuilder
			.select(sentences, vectors, this.options.summarySentences(), this.options.summaryMaxChars()));
		List<Decision> decisions = new ArrayList<>();
		List<ActionItem> actions = new ArrayList<>();
		for (Sentence sentence : sentences) {
			DecisionRules.match(sentence, language).ifPresent(decisions::add);
			ActionItemRules.match(sentence, language).ifPresent(actions::add);
		}
		return new Minutes(language, ENGINE, summary, topics, decisions, actions, warnings);
	}

	/**
	 * A long meeting's summary takes the central sentence of each of its longest topics,
	 * in time order, so it covers the whole meeting instead of repeating its most
	 * frequent subject.
	 */
	private String summaryAcross(List<Topic> topics) {
		List<Topic> longest = topics.stream()
			.filter(t -> t.summary() != null)
			.sorted(Comparator.comparingDouble((Topic t) -> t.end() - t.start()).reversed())
			.toList();
		List<Topic> chosen = new ArrayList<>();
		int chars = 0;
		for (Topic topic : longest) {
			if (chosen.size() >= this.options.summarySentences()) {
				break;
			}
			if (chars + topic.summary().length() <= this.options.summaryMaxChars() || chosen.isEmpty()) {
				chosen.add(topic);
				chars += topic.summary().length() + 1;
			}
		}
		chosen.sort(Comparator.comparingDouble(Topic::start));
		return String.join(" ", chosen.stream().map(Topic::summary).toList());
	}

}
