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
import io.aigenda.llm.minutes.Rounding;
import io.aigenda.llm.topics.SentenceEncoder;
import io.aigenda.llm.topics.TopicSegmenter;

/**
 * Minutes without a language model: sentences rebuilt from the words and cleaned of
 * hesitations and repeats, a summary chosen by centrality, topic coverage and redundancy
 * control (TF-IDF and, for English, the sentence encoder), topics where the configured
 * {@link TopicSegmenter} finds them, titled by their key noun phrases and summarised in 1
 * to 3 sentences, and rule-based decisions and action items in Russian and English, the
 * action items ranked by confidence and capped at about ten an hour. Deterministic,
 * offline and fast, so it is the default and the fallback.
 */
public final class ExtractiveMinutesWriter implements MinutesWriter {

	public static final String ENGINE = "extractive";

	/** Fewer sentences than this make a summary of little use; the minutes say so. */
	private static final int FEW_SENTENCES = 3;

	/** Action items kept per hour of meeting, the most confident first. */
	static final double ACTIONS_PER_HOUR = 10;

	/** Every meeting may keep this many action items, however short. */
	static final int MIN_ACTIONS = 3;

	private final LlmProperties.Extractive options;

	private final TopicTitler topics;

	private final SentenceEncoder encoder;

	private final double budgetScale;

	private final SummaryWeights weights;

	public ExtractiveMinutesWriter(LlmProperties.Extractive options, TopicSegmenter topics) {
		this(options, topics, null);
	}

	/**
	 * @param topics finds topic boundaries (sentence embeddings or lexical, see
	 * {@code io.aigenda.llm.topics})
	 * @param encoder sentence encoder for centrality and redundancy in English, or
	 * {@code null} for TF-IDF alone
	 */
	public ExtractiveMinutesWriter(LlmProperties.Extractive options, TopicSegmenter topics, SentenceEncoder encoder) {
		this(options, topics, encoder, BUDGET_SCALE);
	}

	/** Summary length: {@code scale * ln(words / 15)} words. */
	public static final double BUDGET_SCALE = 14;

	public ExtractiveMinutesWriter(LlmProperties.Extractive options, TopicSegmenter topics, SentenceEncoder encoder,
			double budgetScale) {
		this(options, topics, encoder, budgetScale, SummaryWeights.DEFAULT);
	}

	/**
	 * @param weights how the summary's sentences are chosen
	 */
	public ExtractiveMinutesWriter(LlmProperties.Extractive options, TopicSegmenter topics, SentenceEncoder encoder,
			double budgetScale, SummaryWeights weights) {
		this.weights = Objects.requireNonNull(weights, "weights");
		this.options = options;
		this.topics = new TopicTitler(Objects.requireNonNull(topics, "topics"), options.titleKeywords());
		this.encoder = encoder;
		this.budgetScale = budgetScale;
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
		// the letters decide.
		Language language = Language.decide(transcript.language(), TextLanguage.of(all));
		List<Sentence> sentences = clean(
				Sentences.split(words, language, this.options.pauseSeconds(), this.options.maxSentenceWords()),
				language);
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
		SummaryBuilder.Scorer scorer = new SummaryBuilder.Scorer(sentences, vectors, embeddings(sentences, language),
				this.weights);
		List<Integer> starts = this.topics.segmentStarts(sentences);
		List<Topic> topics = this.topics.topics(sentences, language, scorer, starts);
		int[] topicOf = new int[sentences.size()];
		for (int t = 0; t < starts.size(); t++) {
			int to = t + 1 < starts.size() ? starts.get(t + 1) : sentences.size();
			for (int i = starts.get(t); i < to; i++) {
				topicOf[i] = t;
			}
		}
		int meetingWords = sentences.stream().mapToInt(Sentence::wordCount).sum();
		int budget = SummaryBuilder.budgetWords(meetingWords, this.budgetScale);
		String summary = SummaryBuilder.text(scorer.select(0, sentences.size(), budget, 3 * starts.size() + 2, topicOf),
				true);
		List<Decision> decisions = new ArrayList<>();
		List<ActionItem> actions = new ArrayList<>();
		for (Sentence sentence : sentences) {
			DecisionRules.match(sentence, language).ifPresent(decisions::add);
			ActionItemRules.match(sentence, language).ifPresent(actions::add);
		}
		double hours = Math.max(0, sentences.get(sentences.size() - 1).end() - sentences.get(0).start()) / 3600.0;
		actions = mostConfident(actions, language, Math.max(MIN_ACTIONS, (int) Math.round(ACTIONS_PER_HOUR * hours)));
		return Rounding.minutes(new Minutes(language, ENGINE, summary, topics, decisions, actions, warnings));
	}

	/** The most confident action items, at most {@code limit}, in time order. */
	static List<ActionItem> mostConfident(List<ActionItem> actions, Language language, int limit) {
		if (actions.size() <= limit) {
			return actions;
		}
		List<ActionItem> ranked = new ArrayList<>(actions);
		ranked.sort(Comparator.comparingDouble((ActionItem a) -> ActionItemRules.confidence(a, language)).reversed());
		List<ActionItem> kept = new ArrayList<>(ranked.subList(0, limit));
		kept.sort(Comparator.comparingDouble(ActionItem::start));
		return kept;
	}

	/** The sentences with hesitations and repeats removed; filler-only ones dropped. */
	static List<Sentence> clean(List<Sentence> sentences, Language language) {
		List<Sentence> cleaned = new ArrayList<>();
		for (Sentence sentence : sentences) {
			String text = Disfluencies.clean(sentence.text(), language);
			if (text.isEmpty() || Terms.words(text).isEmpty()) {
				continue;
			}
			cleaned.add(new Sentence(cleaned.size(), sentence.speaker(), sentence.start(), sentence.end(), text,
					Terms.terms(text, language)));
		}
		return cleaned;
	}

	private List<float[]> embeddings(List<Sentence> sentences, Language language) {
		if (this.encoder == null || language == Language.RU) {
			return null;
		}
		try {
			return this.encoder.encode(sentences.stream().map(Sentence::text).toList());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
