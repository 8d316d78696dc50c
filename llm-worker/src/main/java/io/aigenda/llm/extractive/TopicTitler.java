package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aigenda.contracts.Language;
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
		if (sentences.isEmpty()) {
			return List.of();
		}
		List<Integer> starts = starts(sentences);
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
		Map<String, String> surface = surfaceForms(sentences, language);
		TermVectors vectors = new TermVectors(sentences);
		List<Topic> topics = new ArrayList<>();
		for (List<Sentence> segment : segments) {
			String title = title(segment, segmentFrequency, segments.size(), vectors, surface, language);
			List<Sentence> best = SummaryBuilder.select(segment, vectors, 1, Integer.MAX_VALUE);
			String summary = best.isEmpty() ? null : SummaryBuilder.tidy(best.get(0).text());
			double start = Math.max(0, segment.get(0).start());
			double end = Math.max(start, segment.get(segment.size() - 1).end());
			topics.add(new Topic(title, start, end, summary));
		}
		return topics;
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

	private String title(List<Sentence> segment, Map<String, Integer> segmentFrequency, int segments,
			TermVectors vectors, Map<String, String> surface, Language language) {
		Map<String, Double> score = new HashMap<>();
		for (Sentence sentence : segment) {
			for (String term : sentence.terms()) {
				double distinct = segments > 1 ? Math.log(1.0 + (double) segments / segmentFrequency.get(term))
						: vectors.idf(term);
				score.merge(term, distinct, Double::sum);
			}
		}
		List<String> keywords = score.entrySet()
			.stream()
			.filter(e -> e.getKey().length() > 2)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(this.titleKeywords)
			.map(e -> surface.getOrDefault(e.getKey(), e.getKey()))
			.toList();
		if (keywords.isEmpty()) {
			return language == Language.RU ? "Обсуждение" : "Discussion";
		}
		String title = String.join(", ", keywords);
		return Character.toUpperCase(title.charAt(0)) + title.substring(1);
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
