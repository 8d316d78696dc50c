package io.aigenda.app.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.DiarizationProperties;
import io.aigenda.diarization.Diarizer;
import io.aigenda.diarization.eval.DiarizationErrorRate;

/**
 * Chooses the speaker count settings by leave-one-recording-out cross-validation: the
 * single-speaker separation and distance thresholds, the calibrated merge of the count
 * estimate and the margin by which the estimate must exceed the cut (threshold 1.1). Each
 * recording is embedded once, clustered with every setting of a grid, and scored with the
 * setting chosen on all the other recordings. A setting may be chosen only if no real
 * recording (synthetic meetings aside; the single-speaker ASR recordings and their mixes
 * count as real) does worse than with the former default: DER at most {@link #MARGIN}
 * higher and the speaker count no further from the reference. Among those, the lowest
 * mean of the mean DER per real recording and the mean DER per synthetic meeting wins, so
 * that synthetic meetings never outweigh the real recordings. The former default always
 * qualifies.
 */
final class Tuning {

	/** Single-speaker separation thresholds ({@code 0}: no single-speaker test). */
	static final double[] SPREADS = { 0, 4, 5, 6 };

	/**
	 * Calibrated merge thresholds of the speaker count estimate, and resegmentation
	 * penalties (one list: each entry a pair).
	 */
	static final double[] MERGES = { 1.3, 1.3, 1.3, 1.3, 1.3 };

	/** Resegmentation penalties, one per entry of {@link #MERGES}. */
	static final double[] PENALTIES = { 0, 0.05, 0.1, 0.2, 0.4 };

	/** Margins by which the estimate must exceed the cut ({@code 0}: no estimate). */
	static final int[] MARGINS = { 0, 1 };

	/**
	 * Single-speaker distances ({@code 0}: no distance test), the second half of the
	 * single-speaker test, which does not grow with the length of the recording.
	 */
	static final double[] DISTANCES = { 0, 0.15, 0.27, 0.4 };

	/**
	 * Shares of windows the estimate must leave in their cut cluster ({@code 0}: any
	 * estimate).
	 */
	static final double[] NESTINGS = { 0, 0.7, 0.8, 0.9 };

	/**
	 * How much higher than with the former default a real recording's DER may be.
	 */
	static final double MARGIN = 0.02;

	private Tuning() {
	}

	static void run(List<EvalDiarizationCommand.Case> cases, DiarizationErrorRate scorer, PrintStream out) {
		DiarizationProperties defaults = DiarizationProperties.defaults();
		int configs = SPREADS.length * MERGES.length * MARGINS.length * DISTANCES.length * NESTINGS.length;
		double[][] der = new double[cases.size()][configs];
		int[][] found = new int[cases.size()][configs];
		long[] reference = new long[cases.size()];
		double[][] scored = new double[cases.size()][configs];
		double[][] errors = new double[cases.size()][configs];
		try (Diarizer diarizer = Diarizer.create(defaults)) {
			for (int c = 0; c < cases.size(); c++) {
				EvalDiarizationCommand.Case item = cases.get(c);
				Diarizer.Embedded embedded = diarizer.embed(item.source());
				out.printf(Locale.ROOT, "%s: calibrated separation %.3f%n", item.name(), embedded.separation());
				reference[c] = item.reference().stream().map(SpeakerTurn::speaker).distinct().count();
				for (int k = 0; k < configs; k++) {
					DiarizationProperties.Clustering clustering = clustering(defaults, k);
					DiarizationDocument hypothesis = diarizer.cluster(embedded, clustering, null, null);
					var result = scorer.compute(item.reference(), hypothesis.turns(), item.uem());
					der[c][k] = result.der();
					scored[c][k] = result.scored();
					errors[c][k] = result.scored() * result.der();
					found[c][k] = hypothesis.speakers().size();
				}
			}
		}
		boolean[] synthetic = new boolean[cases.size()];
		for (int c = 0; c < cases.size(); c++) {
			synthetic[c] = cases.get(c).name().startsWith("synthetic/");
		}
		Tuning.synthetic = synthetic;
		Tuning.found = found;
		Tuning.reference = reference;
		for (int k = 0; k < configs; k++) {
			double[] sums = new double[2];
			int[] counts = new int[2];
			int right = 0;
			for (int c = 0; c < cases.size(); c++) {
				sums[synthetic[c] ? 1 : 0] += der[c][k];
				counts[synthetic[c] ? 1 : 0]++;
				right += (found[c][k] == reference[c]) ? 1 : 0;
			}
			List<String> worse = new ArrayList<>();
			for (int c = 0; c < cases.size(); c++) {
				if (!synthetic[c] && worseThanFormer(der, c, k)) {
					worse.add(String.format(Locale.ROOT, "%s %.1f%%/%d", cases.get(c).name(), 100 * der[c][k],
							found[c][k]));
				}
			}
			out.printf(Locale.ROOT,
					"grid %s: mean DER %.2f%% on recordings, %.2f%% on synthetic meetings; count right in %d; worse than the former default: %s%n",
					describe(defaults, k), 100 * sums[0] / Math.max(1, counts[0]),
					100 * sums[1] / Math.max(1, counts[1]), right, worse.isEmpty() ? "none" : String.join(", ", worse));
		}
		int best = bestConfig(der, -1);
		out.printf(Locale.ROOT, "chosen on all recordings: %s%n", describe(defaults, best));
		double cvErrors = 0;
		double cvScored = 0;
		int cvRight = 0;
		double fixedErrors = 0;
		double fixedScored = 0;
		int fixedRight = 0;
		int former = 0;
		for (int c = 0; c < cases.size(); c++) {
			int chosen = bestConfig(der, c);
			out.printf(Locale.ROOT,
					"%s: held out, settings %s: DER %.2f%%, speakers %d of %d; former default DER %.2f%%, speakers %d%n",
					cases.get(c).name(), describe(defaults, chosen), 100 * der[c][chosen], found[c][chosen],
					reference[c], 100 * der[c][former], found[c][former]);
			cvErrors += errors[c][chosen];
			cvScored += scored[c][chosen];
			cvRight += (found[c][chosen] == reference[c]) ? 1 : 0;
			fixedErrors += errors[c][former];
			fixedScored += scored[c][former];
			fixedRight += (found[c][former] == reference[c]) ? 1 : 0;
		}
		out.printf(Locale.ROOT,
				"cross-validated: DER %.2f%% pooled, speaker count right in %d of %d; former default: DER %.2f%%, %d of %d%n",
				100 * cvErrors / cvScored, cvRight, cases.size(), 100 * fixedErrors / fixedScored, fixedRight,
				cases.size());
	}

	/**
	 * Which recordings are synthetic meetings (the objective weighs both halves alike).
	 */
	private static boolean[] synthetic;

	private static int[][] found;

	private static long[] reference;

	/**
	 * Whether real recording {@code c} does worse with setting {@code k} than with the
	 * former default: DER more than {@link #MARGIN} higher, or a speaker count further
	 * from the reference.
	 */
	private static boolean worseThanFormer(double[][] der, int c, int k) {
		int former = 0;
		return der[c][k] > der[c][former] + MARGIN
				|| Math.abs(found[c][k] - reference[c]) > Math.abs(found[c][former] - reference[c]);
	}

	/**
	 * The setting with the lowest objective on all recordings but one, among those with
	 * which no real recording does worse than with the former default: the mean DER per
	 * recording of the real recordings and that of the synthetic meetings, averaged, so
	 * that neither kind outweighs the other.
	 */
	private static int bestConfig(double[][] der, int leftOut) {
		int best = 0;
		double bestMean = Double.MAX_VALUE;
		for (int k = 0; k < der[0].length; k++) {
			boolean allowed = true;
			for (int c = 0; c < der.length; c++) {
				if (c != leftOut && !synthetic[c] && worseThanFormer(der, c, k)) {
					allowed = false;
				}
			}
			if (!allowed) {
				continue;
			}
			double[] sums = new double[2];
			int[] counts = new int[2];
			for (int c = 0; c < der.length; c++) {
				if (c != leftOut) {
					sums[synthetic[c] ? 1 : 0] += der[c][k];
					counts[synthetic[c] ? 1 : 0]++;
				}
			}
			double objective = (counts[1] == 0) ? sums[0] / counts[0]
					: (counts[0] == 0) ? sums[1] / counts[1] : (sums[0] / counts[0] + sums[1] / counts[1]) / 2;
			if (objective < bestMean - 1e-12) {
				bestMean = objective;
				best = k;
			}
		}
		return best;
	}

	/**
	 * Setting {@code k} of the grid: the former cut (threshold 1.1, no merge after it)
	 * with a single-speaker test and a speaker count estimate. Setting 0 is the former
	 * default (no single-speaker test, no estimate, no resegmentation).
	 */
	static DiarizationProperties.Clustering clustering(DiarizationProperties defaults, int k) {
		Setting setting = Setting.of(k);
		return defaults.clustering()
			.withThreshold(1.1)
			.withMergeThreshold(0)
			.withCount(setting.separation(), setting.merge(), setting.margin())
			.withResegmentation(setting.penalty())
			.withSingleSpeakerDistance(setting.distance())
			.withCountNesting(setting.nesting());
	}

	private static String describe(DiarizationProperties defaults, int k) {
		Setting setting = Setting.of(k);
		return String.format(Locale.ROOT,
				"single-speaker separation %.2f, distance %.2f, count merge %.2f, margin %d, nesting %.2f, resegmentation penalty %.2f",
				setting.separation(), setting.distance(), setting.merge(), setting.margin(), setting.nesting(),
				setting.penalty());
	}

	/** One point of the grid, decoded from its index. */
	private record Setting(double separation, double distance, double merge, double penalty, int margin,
			double nesting) {

		static Setting of(int k) {
			int nesting = k % NESTINGS.length;
			int rest = k / NESTINGS.length;
			int margin = rest % MARGINS.length;
			rest /= MARGINS.length;
			int merge = rest % MERGES.length;
			rest /= MERGES.length;
			int distance = rest % DISTANCES.length;
			int separation = rest / DISTANCES.length;
			return new Setting(SPREADS[separation], DISTANCES[distance], MERGES[merge], PENALTIES[merge],
					MARGINS[margin], NESTINGS[nesting]);
		}

	}

}
