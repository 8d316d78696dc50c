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
import io.aigenda.llm.topics.Utterance;

/**
 * Lexical topic segmentation in the manner of TextTiling: the content words are cut into
 * blocks of equal size, the similarity between the blocks on either side of each gap is
 * measured, and the deepest similarity valleys become topic boundaries (snapped to
 * sentence starts), keeping topics no shorter than a minimum duration. Each topic is
 * titled by its most distinctive keywords. A {@link io.aigenda.llm.topics.TopicSegmenter}
 * may find the boundaries instead.
 */
final class TopicSegmenter {

	private static final int WINDOW_BLOCKS = 2;

	private final int blockWords;

	private final double minTopicSeconds;

	private final int maxTopics;

	private final int titleKeywords;

	/**
	 * Finds the boundaries when set (sentence embeddings); else the lexical blocks below
	 * do.
	 */
	private final io.aigenda.llm.topics.TopicSegmenter boundaryFinder;

	TopicSegmenter(int blockWords, double minTopicSeconds, int maxTopics, int titleKeywords) {
		this(blockWords, minTopicSeconds, maxTopics, titleKeywords, null);
	}

	TopicSegmenter(int blockWords, double minTopicSeconds, int maxTopics, int titleKeywords,
			io.aigenda.llm.topics.TopicSegmenter boundaryFinder) {
		this.boundaryFinder = boundaryFinder;
		this.blockWords = Math.max(5, blockWords);
		this.minTopicSeconds = minTopicSeconds;
		this.maxTopics = Math.max(1, maxTopics);
		this.titleKeywords = Math.max(1, titleKeywords);
	}

	List<Topic> segment(List<Sentence> sentences, Language language) {
		if (sentences.isEmpty()) {
			return List.of();
		}
		List<Integer> starts = this.boundaryFinder == null ? boundaries(sentences) : found(sentences);
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

	private List<Integer> found(List<Sentence> sentences) {
		List<Utterance> utterances = sentences.stream()
			.map(s -> new Utterance(s.speaker(), s.text(), s.start(), s.end()))
			.toList();
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		starts.addAll(this.boundaryFinder.boundaries(utterances));
		return starts;
	}

	/** Indexes of the sentences that start a topic; the first is always 0. */
	List<Integer> boundaries(List<Sentence> sentences) {
		List<String> terms = new ArrayList<>();
		List<Integer> sentenceOfTerm = new ArrayList<>();
		for (Sentence sentence : sentences) {
			for (String term : sentence.terms()) {
				terms.add(term);
				sentenceOfTerm.add(sentence.index());
			}
		}
		int blocks = terms.size() / this.blockWords;
		if (blocks < 2 * WINDOW_BLOCKS) {
			return List.of(0);
		}
		List<Map<String, Double>> counts = new ArrayList<>();
		for (int b = 0; b < blocks; b++) {
			int to = b == blocks - 1 ? terms.size() : (b + 1) * this.blockWords;
			Map<String, Double> count = new HashMap<>();
			terms.subList(b * this.blockWords, to).forEach(t -> count.merge(t, 1.0, Double::sum));
			counts.add(count);
		}
		// gap g lies between block g-1 and block g
		double[] similarity = new double[blocks];
		for (int g = 1; g < blocks; g++) {
			Map<String, Double> left = new HashMap<>();
			Map<String, Double> right = new HashMap<>();
			for (int k = 0; k < WINDOW_BLOCKS; k++) {
				if (g - 1 - k >= 0) {
					TermVectors.add(left, counts.get(g - 1 - k));
				}
				if (g + k < blocks) {
					TermVectors.add(right, counts.get(g + k));
				}
			}
			similarity[g] = TermVectors.cosine(left, right);
		}
		double[] depth = new double[blocks];
		double sum = 0;
		double sumSquares = 0;
		for (int g = 1; g < blocks; g++) {
			double leftPeak = similarity[g];
			for (int i = g - 1; i >= 1 && similarity[i] >= leftPeak; i--) {
				leftPeak = similarity[i];
			}
			double rightPeak = similarity[g];
			for (int i = g + 1; i < blocks && similarity[i] >= rightPeak; i++) {
				rightPeak = similarity[i];
			}
			depth[g] = (leftPeak - similarity[g]) + (rightPeak - similarity[g]);
			sum += depth[g];
			sumSquares += depth[g] * depth[g];
		}
		int gaps = blocks - 1;
		double mean = sum / gaps;
		double std = Math.sqrt(Math.max(0, sumSquares / gaps - mean * mean));
		double cutoff = mean + std / 2;
		List<Integer> candidates = new ArrayList<>();
		for (int g = 1; g < blocks; g++) {
			if (depth[g] > cutoff && depth[g] > 0) {
				candidates.add(g);
			}
		}
		candidates.sort(Comparator.comparingDouble((Integer g) -> depth[g]).reversed());
		double meetingStart = sentences.get(0).start();
		double meetingEnd = sentences.get(sentences.size() - 1).end();
		List<Integer> chosen = new ArrayList<>();
		for (int g : candidates) {
			if (chosen.size() + 1 >= this.maxTopics) {
				break;
			}
			int sentence = sentenceOfTerm.get(g * this.blockWords);
			double time = sentences.get(sentence).start();
			boolean farEnough = time - meetingStart >= this.minTopicSeconds && meetingEnd - time >= this.minTopicSeconds
					&& chosen.stream().allMatch(s -> Math.abs(sentences.get(s).start() - time) >= this.minTopicSeconds);
			if (farEnough && sentence > 0) {
				chosen.add(sentence);
			}
		}
		chosen.add(0);
		chosen.sort(Comparator.naturalOrder());
		return chosen.stream().distinct().toList();
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
