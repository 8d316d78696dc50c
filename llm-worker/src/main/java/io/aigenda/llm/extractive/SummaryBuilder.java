package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extractive summary by centrality, coverage and redundancy control. Each sentence is
 * scored by its similarity to the meeting's centre, in TF-IDF terms and, where the
 * sentence encoder is available, in meaning; fragments and questions score low. The
 * selection is greedy with maximal marginal relevance: a sentence too close to one
 * already taken is skipped, and a topic not yet covered gets a bonus, so the summary runs
 * across the meeting instead of repeating its most frequent subject. The chosen sentences
 * fill a word budget and are put back in time order.
 */
final class SummaryBuilder {

	private static final int MIN_TERMS = 3;

	/** Above this similarity to a sentence already taken a candidate is redundant. */
	static final double REDUNDANCY = 0.75;

	/** Weight of a question against a statement. */
	static final double QUESTION = 0.5;

	/** Sentences over which the position bonus decays (by e). */
	static final double POSITION_DECAY = 2;

	/** Content words a sentence needs to count fully. */
	static final double MIN_CONTENT = 6;

	/** Words beyond which a sentence is rambling. */
	static final double MAX_WORDS = 35;

	private SummaryBuilder() {
	}

	/**
	 * Sentence scores and similarities of one meeting, computed once.
	 */
	static final class Scorer {

		final List<Sentence> sentences;

		final double[] scores;

		private final List<Map<String, Double>> termVectors = new ArrayList<>();

		private final List<float[]> embeddings;

		private final SummaryWeights weights;

		/**
		 * @param embeddings one unit-length embedding per sentence, or {@code null}
		 */
		Scorer(List<Sentence> sentences, TermVectors vectors, List<float[]> embeddings) {
			this(sentences, vectors, embeddings, SummaryWeights.DEFAULT);
		}

		Scorer(List<Sentence> sentences, TermVectors vectors, List<float[]> embeddings, SummaryWeights weights) {
			this.weights = weights;
			this.sentences = sentences;
			this.embeddings = embeddings;
			Map<String, Double> centroid = new HashMap<>();
			for (Sentence sentence : sentences) {
				Map<String, Double> vector = vectors.vector(sentence.terms());
				this.termVectors.add(vector);
				TermVectors.add(centroid, vector);
			}
			float[] centre = embeddings == null || embeddings.isEmpty() ? null : centroid(embeddings);
			this.scores = new double[sentences.size()];
			int minTerms = sentences.stream().anyMatch(s -> s.terms().size() >= MIN_TERMS && !s.text().endsWith("?"))
					? MIN_TERMS : 1;
			for (int i = 0; i < sentences.size(); i++) {
				Sentence sentence = sentences.get(i);
				if (sentence.terms().size() < minTerms) {
					continue;
				}
				double lexical = TermVectors.cosine(this.termVectors.get(i), centroid);
				double central = centre == null ? lexical
						: 0.5 * lexical + 0.5 * Math.max(0, cosine(embeddings.get(i), centre));
				// informative but not rambling: content words up to 6 help, more than 35
				// words hurt
				int words = Math.max(1, sentence.wordCount());
				double length = Math.min(1.0, sentence.terms().size() / MIN_CONTENT) * Math.min(1.0, MAX_WORDS / words);
				double position = 1.0 + this.weights.position() * Math.exp(-i / POSITION_DECAY);
				// a question rarely states what happened; it still may carry the subject
				double question = sentence.text().endsWith("?") ? QUESTION : 1.0;
				this.scores[i] = central * length * position * question;
			}
		}

		double similarity(int a, int b) {
			if (this.embeddings != null) {
				return cosine(this.embeddings.get(a), this.embeddings.get(b));
			}
			return TermVectors.cosine(this.termVectors.get(a), this.termVectors.get(b));
		}

		/**
		 * The best sentences among {@code from..to} (indexes into the sentences) that fit
		 * {@code budgetWords}, at most {@code maxSentences}, in time order.
		 * @param topicOf topic number of each sentence, for coverage; {@code null} for
		 * none
		 */
		List<Sentence> select(int from, int to, int budgetWords, int maxSentences, int[] topicOf) {
			List<Integer> chosen = new ArrayList<>();
			java.util.Set<Integer> coveredTopics = new java.util.HashSet<>();
			int words = 0;
			boolean[] used = new boolean[to - from];
			while (chosen.size() < maxSentences && words < budgetWords) {
				int best = -1;
				double bestValue = 0;
				for (int i = from; i < to; i++) {
					if (used[i - from] || this.scores[i] <= 0) {
						continue;
					}
					double redundancy = 0;
					for (int j : chosen) {
						redundancy = Math.max(redundancy, similarity(i, j));
					}
					if (redundancy > REDUNDANCY) {
						continue;
					}
					double value = this.scores[i] * (1 - this.weights.diversity() * Math.max(0, redundancy));
					if (topicOf != null && !coveredTopics.contains(topicOf[i])) {
						value *= 1 + this.weights.coverage();
					}
					if (value > bestValue) {
						bestValue = value;
						best = i;
					}
				}
				if (best < 0) {
					break;
				}
				used[best - from] = true;
				int length = this.sentences.get(best).wordCount();
				// the last sentence may overrun the budget by a half, not more
				if (!chosen.isEmpty() && words + length > budgetWords * 1.5) {
					continue;
				}
				chosen.add(best);
				words += length;
				if (topicOf != null) {
					coveredTopics.add(topicOf[best]);
				}
			}
			if (chosen.isEmpty()) {
				// nothing scored: the longest sentence says the most
				int longest = from;
				for (int i = from; i < to; i++) {
					if (this.sentences.get(i).wordCount() > this.sentences.get(longest).wordCount()) {
						longest = i;
					}
				}
				if (to > from) {
					chosen.add(longest);
				}
			}
			chosen.sort(Comparator.naturalOrder());
			return chosen.stream().map(this.sentences::get).toList();
		}

		private static float[] centroid(List<float[]> embeddings) {
			float[] centre = new float[embeddings.get(0).length];
			for (float[] e : embeddings) {
				for (int d = 0; d < centre.length; d++) {
					centre[d] += e[d];
				}
			}
			double norm = 0;
			for (float v : centre) {
				norm += v * v;
			}
			norm = Math.sqrt(norm);
			for (int d = 0; d < centre.length && norm > 0; d++) {
				centre[d] /= (float) norm;
			}
			return centre;
		}

		private static double cosine(float[] a, float[] b) {
			double sum = 0;
			double na = 0;
			double nb = 0;
			for (int d = 0; d < a.length; d++) {
				sum += a[d] * b[d];
				na += a[d] * a[d];
				nb += b[d] * b[d];
			}
			return na == 0 || nb == 0 ? 0 : sum / Math.sqrt(na * nb);
		}

	}

	/** The summary's length in words for a meeting of {@code words} words. */
	static int budgetWords(int words, double scale) {
		return (int) Math.round(Math.max(12, Math.min(200, scale * Math.log(Math.max(words, 30) / 15.0))));
	}

	static List<Sentence> select(List<Sentence> sentences, TermVectors vectors, int maxSentences, int maxChars) {
		return new Scorer(sentences, vectors, null).select(0, sentences.size(), Math.max(1, maxChars / 6), maxSentences,
				null);
	}

	/**
	 * Sentences as one paragraph, each starting with a capital and ending with a full
	 * stop.
	 */
	static String text(List<Sentence> sentences) {
		return text(sentences, false);
	}

	/**
	 * @param attributed each run of sentences by one named speaker starts with the name
	 * ("Amanda: I baked cookies."), so the reader knows who said it; anonymous labels
	 * (S1, SPEAKER_00) are left out
	 */
	static String text(List<Sentence> sentences, boolean attributed) {
		StringBuilder text = new StringBuilder();
		String previous = null;
		for (Sentence sentence : sentences) {
			if (text.length() > 0) {
				text.append(' ');
			}
			boolean named = attributed && isName(sentence.speaker()) && !sentence.speaker().equals(previous);
			previous = sentence.speaker();
			text.append(named ? reported(sentence.speaker().strip(), tidy(sentence.text())) : tidy(sentence.text()));
		}
		return text.toString();
	}

	private static final java.util.regex.Pattern FIRST_PERSON = java.util.regex.Pattern.compile(
			"^I(?:'m| am)\\s+|^I(?:'ve| have)\\s+|^I(?:'ll| will)\\s+|^I(?:'d| would)\\s+|^I\\s+(?=(?:was|can|could|"
					+ "should|must|had|did|\\w+ed)\\b)");

	/**
	 * "I baked cookies" said by Amanda reads in minutes as "Amanda baked cookies"; what
	 * does not turn into the third person cleanly keeps the speaker as a label ("Amanda:
	 * I think ...").
	 */
	static String reported(String speaker, String sentence) {
		java.util.regex.Matcher matcher = FIRST_PERSON.matcher(sentence);
		if (!matcher.find()) {
			return speaker + ": " + sentence;
		}
		String verb = matcher.group().strip();
		String third = verb.endsWith("'m") || verb.endsWith(" am") ? "is"
				: verb.endsWith("'ve") || verb.endsWith(" have") ? "has"
						: verb.endsWith("'ll") || verb.endsWith(" will") ? "will"
								: verb.endsWith("'d") || verb.endsWith(" would") ? "would" : "";
		return speaker + " " + (third.isEmpty() ? "" : third + " ") + sentence.substring(matcher.end());
	}

	/** A person's name or role, not a diarization label such as S1 or SPEAKER_00. */
	static boolean isName(String speaker) {
		return speaker != null && !speaker.isBlank()
				&& !speaker.strip().matches("(?i)(s|spk|speaker|speaker[ _-]?|unknown|говорящий ?)\\d*|\\d+");
	}

	static String tidy(String sentence) {
		String text = sentence.strip();
		if (text.isEmpty()) {
			return text;
		}
		text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
		char last = text.charAt(text.length() - 1);
		if (".?!…".indexOf(last) < 0) {
			text = (Character.isLetterOrDigit(last) ? text : text.substring(0, text.length() - 1).strip()) + ".";
		}
		return text;
	}

}
