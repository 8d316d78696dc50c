package io.aigenda.llm.topics;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Pk and WindowDiff of the topic segmenters on every development meeting, beside the
 * trivial segmentations (no boundary; uniform boundaries, as many as the calibrated
 * count) and the former default (the depth cut-off alone). The topic count
 * ({@code wordsPerTopic}) and the minimum topic length are chosen by
 * leave-one-meeting-out cross-validation: for each meeting the pair that scores best on
 * all the others is used, so every figure printed for the calibrated segmenter is a
 * held-out one.
 */
public final class TopicEvaluation {

	/** Words per topic tried. */
	static final int[] WORDS_PER_TOPIC = { 1000, 1500, 2000, 2500, 3000, 4000, 6000 };

	/** Minimum topic lengths tried, in words. */
	static final int[] MIN_BLOCK_WORDS = { 200, 400, 800 };

	/** Shares of the words after which the opening ends, tried for the cue segmenter. */
	static final double[] OPENING_SHARES = { 0, 0.04, 0.06, 0.08, 0.10 };

	/**
	 * Fewest words in a topic as a share of the meeting's, tried for the cue segmenter.
	 */
	static final double[] MIN_TOPIC_SHARES = { 0.05, 0.1 };

	private TopicEvaluation() {
	}

	/** Mean Pk and WindowDiff of each line printed, by its name. */
	public static Map<String, double[]> run(List<SegmentedDocument> documents, List<String> segmenters,
			PrintStream console) {
		Map<String, double[]> means = new LinkedHashMap<>();
		int n = documents.size();
		double[][] none = new double[n][];
		double[][] uniform = new double[n][];
		for (int d = 0; d < n; d++) {
			SegmentedDocument document = documents.get(d);
			none[d] = score(document, List.of());
			uniform[d] = score(document, uniform(document, TopicOptions.defaults()));
		}
		means.put("no boundaries", mean(none));
		means.put("uniform", mean(uniform));
		SentenceEncoder shared = null;
		Map<String, double[][]> calibrated = new HashMap<>();
		for (String name : segmenters) {
			if (name.equals(TopicOptions.CUES)) {
				continue;
			}
			Function<TopicOptions, TopicSegmenter> factory;
			if (name.equals(TopicOptions.EMBEDDING)) {
				if (shared == null) {
					shared = new CachingEncoder(OnnxSentenceEncoder.builtIn());
				}
				SentenceEncoder encoder = shared;
				factory = options -> new EmbeddingTopicSegmenter(encoder, options);
			}
			else {
				factory = LexicalTopicSegmenter::new;
			}
			TopicOptions base = TopicOptions.defaults().withSegmenter(name);
			double[][] former = new double[n][];
			for (int d = 0; d < n; d++) {
				former[d] = score(documents.get(d),
						factory.apply(base.uncalibrated()).boundaries(documents.get(d).utterances()));
			}
			means.put(name + " former default", mean(former));
			// every candidate on every meeting, once
			int pairs = WORDS_PER_TOPIC.length * MIN_BLOCK_WORDS.length;
			double[][][] grid = new double[pairs][n][];
			for (int p = 0; p < pairs; p++) {
				TopicOptions options = base.withCount(WORDS_PER_TOPIC[p / MIN_BLOCK_WORDS.length],
						MIN_BLOCK_WORDS[p % MIN_BLOCK_WORDS.length]);
				TopicSegmenter segmenter = factory.apply(options);
				for (int d = 0; d < n; d++) {
					grid[p][d] = score(documents.get(d), segmenter.boundaries(documents.get(d).utterances()));
				}
			}
			double[][] heldOut = new double[n][];
			for (int d = 0; d < n; d++) {
				int best = best(grid, d);
				heldOut[d] = grid[best][d];
				console.printf(Locale.ROOT,
						"%s [%s, held out; %d words a topic, %d at least]: Pk %.3f, WindowDiff %.3f"
								+ " (no boundaries %.3f / %.3f, uniform %.3f / %.3f, former default %.3f / %.3f)%n",
						documents.get(d).name(), name, WORDS_PER_TOPIC[best / MIN_BLOCK_WORDS.length],
						MIN_BLOCK_WORDS[best % MIN_BLOCK_WORDS.length], heldOut[d][0], heldOut[d][1], none[d][0],
						none[d][1], uniform[d][0], uniform[d][1], former[d][0], former[d][1]);
			}
			int all = best(grid, -1);
			console.printf(Locale.ROOT, "[%s] chosen on all %d meetings: %d words a topic, at least %d words%n", name,
					n, WORDS_PER_TOPIC[all / MIN_BLOCK_WORDS.length], MIN_BLOCK_WORDS[all % MIN_BLOCK_WORDS.length]);
			means.put(name + " calibrated (held out)", mean(heldOut));
			calibrated.put(name, heldOut);
		}
		if (segmenters.contains(TopicOptions.CUES)) {
			double[][] former = calibrated.get(TopicOptions.EMBEDDING);
			means.put("cues (held out)", cues(documents, none, uniform, former, console));
		}
		for (var entry : means.entrySet()) {
			console.printf(Locale.ROOT, "overall %-34s Pk %.3f  WindowDiff %.3f  (%d meetings)%n", entry.getKey(),
					entry.getValue()[0], entry.getValue()[1], n);
		}
		return means;
	}

	/**
	 * The cue segmenter with its opening share and minimum topic share chosen on the
	 * other meetings, beside the baselines and the former default (the calibrated
	 * embedding segmenter, held out too, when it was scored).
	 */
	private static double[] cues(List<SegmentedDocument> documents, double[][] none, double[][] uniform,
			double[][] former, PrintStream console) {
		int n = documents.size();
		int pairs = OPENING_SHARES.length * MIN_TOPIC_SHARES.length;
		double[][][] grid = new double[pairs][n][];
		for (int p = 0; p < pairs; p++) {
			TopicSegmenter segmenter = new CueTopicSegmenter(TopicOptions.defaults()
				.withShares(OPENING_SHARES[p / MIN_TOPIC_SHARES.length],
						MIN_TOPIC_SHARES[p % MIN_TOPIC_SHARES.length]));
			for (int d = 0; d < n; d++) {
				grid[p][d] = score(documents.get(d), segmenter.boundaries(documents.get(d).utterances()));
			}
		}
		double[][] heldOut = new double[n][];
		int wins = 0;
		for (int d = 0; d < n; d++) {
			int best = best(grid, d);
			heldOut[d] = grid[best][d];
			if (heldOut[d][0] + heldOut[d][1] < Math.min(none[d][0] + none[d][1], uniform[d][0] + uniform[d][1])) {
				wins++;
			}
			String formerText = former == null ? "not scored"
					: String.format(Locale.ROOT, "%.3f / %.3f", former[d][0], former[d][1]);
			console.printf(Locale.ROOT,
					"%s [cues, held out; opening ends at %.2f of the words, topics at least %.2f]: Pk %.3f,"
							+ " WindowDiff %.3f (no boundaries %.3f / %.3f, uniform %.3f / %.3f,"
							+ " former default embedding %s)%n",
					documents.get(d).name(), OPENING_SHARES[best / MIN_TOPIC_SHARES.length],
					MIN_TOPIC_SHARES[best % MIN_TOPIC_SHARES.length], heldOut[d][0], heldOut[d][1], none[d][0],
					none[d][1], uniform[d][0], uniform[d][1], formerText);
		}
		int all = best(grid, -1);
		console.printf(Locale.ROOT,
				"[cues] chosen on all %d meetings: opening ends at %.2f of the words, topics at least %.2f;"
						+ " better than both trivial baselines (Pk + WindowDiff) on %d of %d meetings%n",
				n, OPENING_SHARES[all / MIN_TOPIC_SHARES.length], MIN_TOPIC_SHARES[all % MIN_TOPIC_SHARES.length], wins,
				n);
		return mean(heldOut);
	}

	/** The grid pair with the lowest mean Pk over every meeting but {@code left}. */
	private static int best(double[][][] grid, int left) {
		int best = 0;
		double bestPk = Double.MAX_VALUE;
		for (int p = 0; p < grid.length; p++) {
			double sum = 0;
			for (int d = 0; d < grid[p].length; d++) {
				if (d != left) {
					sum += grid[p][d][0] + grid[p][d][1];
				}
			}
			if (sum < bestPk - 1e-12) {
				bestPk = sum;
				best = p;
			}
		}
		return best;
	}

	/**
	 * Evenly spaced boundaries, as many as the calibrated count gives for the meeting's
	 * length.
	 */
	public static List<Integer> uniform(SegmentedDocument document, TopicOptions options) {
		int n = document.utterances().size();
		int words = document.utterances().stream().mapToInt(u -> Math.max(1, u.wordCount())).sum();
		int topics = Math.max(options.minTopics(),
				Math.min(options.maxTopics(), (int) Math.round((double) words / options.wordsPerTopic())));
		List<Integer> boundaries = new ArrayList<>();
		for (int t = 1; t < topics; t++) {
			int at = (int) Math.round((double) t * n / topics);
			if (at > 0 && at < n && !boundaries.contains(at)) {
				boundaries.add(at);
			}
		}
		return boundaries;
	}

	private static double[] score(SegmentedDocument document, List<Integer> predicted) {
		int n = document.utterances().size();
		int k = SegmentationMetrics.defaultK(document.reference(), n);
		return new double[] { SegmentationMetrics.pk(document.reference(), predicted, n, k),
				SegmentationMetrics.windowDiff(document.reference(), predicted, n, k) };
	}

	private static double[] mean(double[][] values) {
		double[] mean = new double[2];
		for (double[] v : values) {
			mean[0] += v[0] / values.length;
			mean[1] += v[1] / values.length;
		}
		return mean;
	}

	/** Encodes each distinct text once, so the grid does not re-run the model. */
	private static final class CachingEncoder implements SentenceEncoder {

		private final SentenceEncoder encoder;

		private final Map<String, float[]> cache = new HashMap<>();

		CachingEncoder(SentenceEncoder encoder) {
			this.encoder = encoder;
		}

		@Override
		public List<float[]> encode(List<String> texts) {
			List<String> missing = texts.stream().filter(t -> !this.cache.containsKey(t)).distinct().toList();
			if (!missing.isEmpty()) {
				List<float[]> encoded = this.encoder.encode(missing);
				for (int i = 0; i < missing.size(); i++) {
					this.cache.put(missing.get(i), encoded.get(i));
				}
			}
			return texts.stream().map(this.cache::get).toList();
		}

	}

}
