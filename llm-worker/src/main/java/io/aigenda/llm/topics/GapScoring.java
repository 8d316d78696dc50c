package io.aigenda.llm.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The part of TextTiling that does not depend on how text is represented: which gaps
 * between utterances may be boundaries, the word windows on either side of a gap, depth
 * scores of similarity valleys, and the choice of the deepest valleys that keep every
 * topic long enough.
 */
final class GapScoring {

	private final TopicOptions options;

	GapScoring(TopicOptions options) {
		this.options = options;
	}

	/**
	 * Similarity of the text before and after a gap, from the windows' utterance ranges.
	 */
	interface WindowSimilarity {

		/**
		 * @return similarity of utterances [leftFrom, gap) and [gap, rightTo)
		 */
		double similarity(int leftFrom, int gap, int rightTo);

	}

	/**
	 * Gaps that may start a topic: a topic changes when someone else speaks, so with
	 * speakers known only gaps at a change of speaker count (a speaker's run of sentences
	 * is never split).
	 */
	static List<Integer> candidateGaps(List<Utterance> utterances) {
		List<Integer> gaps = new ArrayList<>();
		for (int g = 1; g < utterances.size(); g++) {
			String before = utterances.get(g - 1).speaker();
			String after = utterances.get(g).speaker();
			if (before == null || after == null || !Objects.equals(before, after)) {
				gaps.add(g);
			}
		}
		return gaps;
	}

	/** Whether the utterances hold enough words for two topics. */
	boolean longEnough(List<Utterance> utterances) {
		int words = 0;
		for (Utterance utterance : utterances) {
			words += Math.max(1, utterance.wordCount());
		}
		return words >= 2 * this.options.minBlockWords();
	}

	List<Integer> boundaries(List<Utterance> utterances, WindowSimilarity similarity) {
		int n = utterances.size();
		int[] words = new int[n + 1];
		for (int i = 0; i < n; i++) {
			words[i + 1] = words[i] + Math.max(1, utterances.get(i).wordCount());
		}
		if (words[n] < 2 * this.options.minBlockWords()) {
			return List.of();
		}
		List<Integer> gaps = candidateGaps(utterances);
		if (gaps.isEmpty()) {
			return List.of();
		}
		double[] raw = new double[gaps.size()];
		for (int c = 0; c < gaps.size(); c++) {
			int gap = gaps.get(c);
			int leftFrom = gap;
			while (leftFrom > 0 && words[gap] - words[leftFrom] < this.options.windowWords()) {
				leftFrom--;
			}
			int rightTo = gap;
			while (rightTo < n && words[rightTo] - words[gap] < this.options.windowWords()) {
				rightTo++;
			}
			raw[c] = similarity.similarity(leftFrom, gap, rightTo);
		}
		double[] depth = depthScores(smooth(raw, this.options.smoothing()));
		return choose(utterances, words, gaps, depth);
	}

	/** Moving average over {@code width} neighbours on each side. */
	static double[] smooth(double[] values, int width) {
		if (width <= 0) {
			return values.clone();
		}
		double[] smoothed = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			double sum = 0;
			int count = 0;
			for (int j = Math.max(0, i - width); j <= Math.min(values.length - 1, i + width); j++) {
				sum += values[j];
				count++;
			}
			smoothed[i] = sum / count;
		}
		return smoothed;
	}

	/**
	 * Hearst's depth score: how far the similarity at a gap lies below the highest points
	 * reached by climbing uphill to its left and to its right.
	 */
	static double[] depthScores(double[] similarity) {
		double[] depth = new double[similarity.length];
		for (int g = 0; g < similarity.length; g++) {
			double left = similarity[g];
			for (int i = g - 1; i >= 0 && similarity[i] >= left; i--) {
				left = similarity[i];
			}
			double right = similarity[g];
			for (int i = g + 1; i < similarity.length && similarity[i] >= right; i++) {
				right = similarity[i];
			}
			depth[g] = (left - similarity[g]) + (right - similarity[g]);
		}
		return depth;
	}

	/**
	 * Deepest valleys first, above a cut-off of mean + {@code cutoffStd} standard
	 * deviations of the depth scores, as long as each topic keeps at least the minimum
	 * words (and seconds, where the utterances have times) and there are no more topics
	 * than allowed.
	 */
	private List<Integer> choose(List<Utterance> utterances, int[] words, List<Integer> gaps, double[] depth) {
		double mean = 0;
		for (double d : depth) {
			mean += d;
		}
		mean /= depth.length;
		double variance = 0;
		for (double d : depth) {
			variance += (d - mean) * (d - mean);
		}
		boolean counted = this.options.wordsPerTopic() > 0;
		double cutoff = counted ? 0 : mean + this.options.cutoffStd() * Math.sqrt(variance / depth.length);
		int maxTopics = this.options.maxTopics();
		if (counted) {
			int wanted = (int) Math.round((double) words[utterances.size()] / this.options.wordsPerTopic());
			maxTopics = Math.max(this.options.minTopics(), Math.min(this.options.maxTopics(), wanted));
		}
		List<Integer> order = new ArrayList<>();
		for (int c = 0; c < gaps.size(); c++) {
			if (depth[c] > 0 && depth[c] > cutoff) {
				order.add(c);
			}
		}
		order.sort(Comparator.comparingDouble((Integer c) -> -depth[c]).thenComparing(c -> c));
		List<Integer> chosen = new ArrayList<>();
		chosen.add(0);
		chosen.add(utterances.size());
		List<Integer> result = new ArrayList<>();
		for (int c : order) {
			if (result.size() + 1 >= maxTopics) {
				break;
			}
			int gap = gaps.get(c);
			if (farEnough(utterances, words, chosen, gap)) {
				chosen.add(gap);
				result.add(gap);
			}
		}
		result.sort(Comparator.naturalOrder());
		return List.copyOf(result);
	}

	private boolean farEnough(List<Utterance> utterances, int[] words, List<Integer> chosen, int gap) {
		for (int other : chosen) {
			if (Math.abs(words[other] - words[gap]) < this.options.minBlockWords()) {
				return false;
			}
			double seconds = Math.abs(time(utterances, other) - time(utterances, gap));
			if (!Double.isNaN(seconds) && seconds < this.options.minBlockSeconds()) {
				return false;
			}
		}
		return true;
	}

	/** Start of utterance {@code index}, or the end of the meeting for {@code size()}. */
	private static double time(List<Utterance> utterances, int index) {
		return index < utterances.size() ? utterances.get(index).start() : utterances.get(utterances.size() - 1).end();
	}

}
