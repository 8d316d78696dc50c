package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes;
import io.aigenda.llm.minutes.Rounding;
import io.aigenda.contracts.Minutes.Topic;
import io.aigenda.llm.topics.TopicSegmenter;
import io.aigenda.llm.topics.Utterance;

/**
 * The minutes' topics: the sentences cut where a {@link TopicSegmenter} finds topic
 * boundaries (segmentation itself lives in {@code io.aigenda.llm.topics}), each topic
 * titled by its most distinctive keywords and summarised by its most central sentence.
 */
final class TopicTitler {

	private final TopicSegmenter segmenter;

	private final int titleKeywords;

	TopicTitler(TopicSegmenter segmenter, int titleKeywords) {
		this.segmenter = segmenter;
		this.titleKeywords = Math.max(1, titleKeywords);
	}

	List<Topic> topics(List<Sentence> sentences, Language language) {
		return topics(sentences, language, new SummaryBuilder.Scorer(sentences, new TermVectors(sentences), null),
				segmentStarts(sentences));
	}

	/**
	 * Topics cut at {@code starts}, each titled by its key noun phrases and summarised by
	 * its 1 to 3 most central sentences (more for longer topics).
	 */
	List<Topic> topics(List<Sentence> sentences, Language language, SummaryBuilder.Scorer scorer,
			List<Integer> starts) {
		if (sentences.isEmpty()) {
			return List.of();
		}
		List<List<Sentence>> segments = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			int from = starts.get(i);
			int to = i + 1 < starts.size() ? starts.get(i + 1) : sentences.size();
			segments.add(sentences.subList(from, to));
		}
		Map<String, Integer> segmentFrequency = new HashMap<>();
		for (List<Sentence> segment : segments) {
			Set<String> seen = new HashSet<>();
			segment.forEach(s -> seen.addAll(s.terms()));
			seen.forEach(term -> segmentFrequency.merge(term, 1, Integer::sum));
		}
		TermVectors vectors = new TermVectors(sentences);
		List<Topic> topics = new ArrayList<>();
		for (int i = 0; i < segments.size(); i++) {
			List<Sentence> segment = segments.get(i);
			int from = starts.get(i);
			int words = segment.stream().mapToInt(Sentence::wordCount).sum();
			int count = words < 300 ? 1 : words < 1200 ? 2 : 3;
			String title = title(segment, segmentFrequency, segments.size(), vectors, language);
			List<Sentence> best = scorer.select(from, from + segment.size(), 25 * count, count, null);
			String summary = best.isEmpty() ? null : SummaryBuilder.text(best);
			double start = Rounding.seconds(Math.max(0, segment.get(0).start()));
			double end = Rounding.seconds(Math.max(start, segment.get(segment.size() - 1).end()));
			topics.add(new Topic(title, start, end, summary));
		}
		return topics;
	}

	List<Integer> segmentStarts(List<Sentence> sentences) {
		return starts(sentences);
	}

	/** Indexes of the sentences that start a topic; the first is always 0. */
	private List<Integer> starts(List<Sentence> sentences) {
		List<Utterance> utterances = sentences.stream()
			.map(s -> new Utterance(s.speaker(), s.text(), s.start(), s.end()))
			.toList();
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		starts.addAll(this.segmenter.boundaries(utterances));
		return starts;
	}

	/**
	 * The topic's key noun phrases: runs of up to three content words (no stop words,
	 * fillers or greetings) scored by how often they occur in this topic and how
	 * distinctive their words are against the other topics; the best one or two, as said.
	 */
	private String title(List<Sentence> segment, Map<String, Integer> segmentFrequency, int segments,
			TermVectors vectors, Language language) {
		Map<String, Double> distinct = new HashMap<>();
		Map<String, Double> phraseScore = new HashMap<>();
		Map<String, Map<String, Integer>> spellings = new HashMap<>();
		for (Sentence sentence : segment) {
			List<String> run = new ArrayList<>();
			for (String word : Terms.words(sentence.text())) {
				boolean content = word.length() > 2 && !Terms.isStopWord(word) && !TITLE_STOP.contains(word)
						&& !word.chars().allMatch(Character::isDigit) && !word.contains("'");
				if (content) {
					run.add(word);
				}
				if (!content || run.size() == 3) {
					phrases(run, segmentFrequency, segments, vectors, language, distinct, phraseScore, spellings);
					run = new ArrayList<>(content ? List.of() : List.of());
				}
			}
			phrases(run, segmentFrequency, segments, vectors, language, distinct, phraseScore, spellings);
		}
		List<String> best = phraseScore.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
		List<String> chosen = new ArrayList<>();
		for (String key : best) {
			if (chosen.size() >= Math.min(2, this.titleKeywords)) {
				break;
			}
			boolean overlaps = chosen.stream()
				.anyMatch(c -> !java.util.Collections.disjoint(List.of(c.split(" ")), List.of(key.split(" "))));
			if (!overlaps) {
				chosen.add(key);
			}
		}
		if (chosen.isEmpty()) {
			return language == Language.RU ? "Обсуждение" : "Discussion";
		}
		List<String> said = chosen.stream()
			.map(key -> spellings.get(key)
				.entrySet()
				.stream()
				.max(Map.Entry.<String, Integer>comparingByValue()
					.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
				.orElseThrow()
				.getKey())
			.toList();
		String title = String.join(language == Language.RU ? " и " : " and ", said);
		return Character.toUpperCase(title.charAt(0)) + title.substring(1);
	}

	/** Words that never make a topic title: greetings, politeness, meeting talk. */
	private static final Set<String> TITLE_STOP = Set.of("hello", "hi", "hey", "morning", "afternoon", "bye", "goodbye",
			"welcome", "please", "thank", "thanks", "meeting", "guys", "everybody", "everyone", "mean", "idea", "talk",
			"talking", "question", "questions", "minute", "minutes", "today", "tomorrow", "time", "people", "person",
			"start", "problem", "different", "exactly", "basically", "true", "done", "nice", "gonna", "kinda",
			"anyways", "obviously", "definitely", "probably", "absolutely", "whatever", "somebody", "someone", "привет",
			"здравствуйте", "спасибо", "пожалуйста", "коллеги", "встреча", "вопрос", "время", "сегодня", "завтра",
			"слушай", "собственно", "именно", "например", "действительно", "хорошая", "нормально", "отлично");

	private static void phrases(List<String> run, Map<String, Integer> segmentFrequency, int segments,
			TermVectors vectors, Language language, Map<String, Double> distinct, Map<String, Double> phraseScore,
			Map<String, Map<String, Integer>> spellings) {
		for (int from = 0; from < run.size(); from++) {
			for (int to = from + 1; to <= run.size(); to++) {
				List<String> stems = new ArrayList<>();
				double weight = 0;
				for (String word : run.subList(from, to)) {
					String stem = Terms.stem(word, language);
					stems.add(stem);
					Integer frequency = segmentFrequency.get(stem);
					weight += (segments > 1 && frequency != null)
							? Math.log(1.0 + (double) segments / frequency) * Math.min(2.0, vectors.idf(stem))
							: vectors.idf(stem);
				}
				String key = String.join(" ", stems);
				// longer phrases are more specific: a two-word phrase beats its words
				double lengthBonus = 1.0 + 0.6 * (stems.size() - 1);
				phraseScore.merge(key, weight / stems.size() * lengthBonus, Double::sum);
				spellings.computeIfAbsent(key, k -> new HashMap<>())
					.merge(String.join(" ", run.subList(from, to)), 1, Integer::sum);
			}
		}
	}

	/** The most frequent spelling of each stem, so titles read as words, not stems. */
	private static Map<String, String> surfaceForms(List<Sentence> sentences, Language language) {
		Map<String, Map<String, Integer>> spellings = new HashMap<>();
		for (Sentence sentence : sentences) {
			for (String word : Terms.words(sentence.text())) {
				if (!Terms.isStopWord(word) && word.length() >= 2) {
					spellings.computeIfAbsent(Terms.stem(word, language), k -> new HashMap<>())
						.merge(word, 1, Integer::sum);
				}
			}
		}
		Map<String, String> surface = new HashMap<>();
		spellings.forEach((stem, counts) -> surface.put(stem, counts.entrySet()
			.stream()
			// ties go to the alphabetically first spelling, so titles do not depend on
			// map order
			.max(Map.Entry.<String, Integer>comparingByValue()
				.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
			.orElseThrow()
			.getKey()));
		return surface;
	}

}
