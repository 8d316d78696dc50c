package io.aigenda.llm.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.aigenda.contracts.Minutes;
import io.aigenda.llm.extractive.Baselines;
import io.aigenda.llm.extractive.SummaryWeights;
import io.aigenda.llm.minutes.MinutesWriter;

/**
 * Scores minutes against every development reference: ROUGE-1/2/L of the summary
 * (averaged over a reference's human summaries) beside a lead-N and a TF-IDF baseline of
 * the same length in words, per set and overall (the mean over sets, so a large set does
 * not hide a small one), and recall of gold actions and decisions where the reference has
 * them.
 */
public final class MinutesEvaluation {

	private MinutesEvaluation() {
	}

	/** Mean ROUGE-1/2/L of the writer and the two baselines. */
	public record Result(double[] writer, double[] lead, double[] tfidf) {
	}

	public static Result run(List<SummaryReference> references, MinutesWriter writer, PrintStream console,
			Consumer<Map.Entry<SummaryReference, Minutes>> each) {
		Map<String, double[][]> sums = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, List<Double>> actionRecall = new LinkedHashMap<>();
		Map<String, List<Double>> decisionRecall = new LinkedHashMap<>();
		for (SummaryReference reference : references) {
			Minutes minutes = writer.write(reference.transcript());
			if (each != null) {
				each.accept(Map.entry(reference, minutes));
			}
			int budget = Math.max(1, Rouge.tokens(minutes.summary()).size());
			String[] candidates = { minutes.summary(), Baselines.lead(reference.transcript(), budget),
					Baselines.tfidf(reference.transcript(), budget) };
			double[][] sum = sums.computeIfAbsent(reference.set(), k -> new double[3][3]);
			for (int c = 0; c < 3; c++) {
				double[] scores = score(candidates[c], reference.summaries());
				for (int m = 0; m < 3; m++) {
					sum[c][m] += scores[m];
				}
			}
			counts.merge(reference.set(), 1, Integer::sum);
			List<String> actions = new ArrayList<>();
			minutes.actionItems().forEach(a -> actions.add(a.text() + (a.owner() == null ? "" : " " + a.owner())));
			List<String> both = new ArrayList<>(actions);
			minutes.decisions().forEach(d -> both.add(d.text()));
			if (!reference.actions().isEmpty()) {
				actionRecall.computeIfAbsent(reference.set(), k -> new ArrayList<>())
					.add(ItemRecall.recall(reference.actions(), actions));
			}
			if (!reference.decisions().isEmpty()) {
				decisionRecall.computeIfAbsent(reference.set(), k -> new ArrayList<>())
					.add(ItemRecall.recall(reference.decisions(), both));
			}
			if (reference.set().equals("ami") || reference.set().equals("qmsum")) {
				console.printf(Locale.ROOT,
						"  %s/%s [%s]: ROUGE-1 %.3f (lead-N %.3f, tf-idf %.3f); %d topics, %d decisions, %d action items%s%n",
						reference.set(), reference.id(), minutes.engine(),
						score(candidates[0], reference.summaries())[0], score(candidates[1], reference.summaries())[0],
						score(candidates[2], reference.summaries())[0], minutes.topics().size(),
						minutes.decisions().size(), minutes.actionItems().size(),
						reference.decisions().isEmpty() && reference.actions().isEmpty() ? "" : String.format(
								Locale.ROOT, "; action recall %s (%d gold), decision recall %s (%d gold)",
								ratio(ItemRecall.recall(reference.actions(), actions)), reference.actions().size(),
								ratio(ItemRecall.recall(reference.decisions(), both)), reference.decisions().size()));
			}
		}
		double[][] overall = new double[3][3];
		String[] names = { writer.engine(), "lead-N", "tf-idf" };
		for (var entry : sums.entrySet()) {
			int n = counts.get(entry.getKey());
			for (int c = 0; c < 3; c++) {
				double[] mean = new double[3];
				for (int m = 0; m < 3; m++) {
					mean[m] = entry.getValue()[c][m] / n;
					overall[c][m] += mean[m] / sums.size();
				}
				console.printf(Locale.ROOT, "%-13s %-10s ROUGE-1 %.3f  ROUGE-2 %.3f  ROUGE-L %.3f  (%d references)%n",
						entry.getKey(), names[c], mean[0], mean[1], mean[2], n);
			}
			print(console, entry.getKey(), "action recall", actionRecall.get(entry.getKey()));
			print(console, entry.getKey(), "decision recall", decisionRecall.get(entry.getKey()));
		}
		for (int c = 0; c < 3; c++) {
			console.printf(Locale.ROOT, "%-13s %-10s ROUGE-1 %.3f  ROUGE-2 %.3f  ROUGE-L %.3f  (mean over %d sets)%n",
					"overall", names[c], overall[c][0], overall[c][1], overall[c][2], sums.size());
		}
		return new Result(overall[0], overall[1], overall[2]);
	}

	/**
	 * Summary weights chosen by leave-one-reference-out cross-validation: every reference
	 * is summarised with the weights that score best (ROUGE-1 + 2 + L, mean over sets) on
	 * all the other references, so the figures printed are held out; beside them the
	 * default weights, and lead-N and TF-IDF of the held-out summary's length.
	 * @param grid the weights tried
	 * @param writers the writer for given weights
	 * @return mean over sets of the held-out ROUGE-1/2/L and the baselines'
	 */
	public static Result crossValidated(List<SummaryReference> references, List<SummaryWeights> grid,
			Function<SummaryWeights, MinutesWriter> writers, PrintStream console) {
		int g = grid.size();
		int r = references.size();
		List<String> sets = references.stream().map(SummaryReference::set).distinct().toList();
		int[] setOf = references.stream().mapToInt(ref -> sets.indexOf(ref.set())).toArray();
		int[] setSize = new int[sets.size()];
		for (int s : setOf) {
			setSize[s]++;
		}
		String[][] summaries = new String[g][r];
		double[][][] scores = new double[g][r][];
		double[][] setSums = new double[g][sets.size()];
		for (int w = 0; w < g; w++) {
			MinutesWriter writer = writers.apply(grid.get(w));
			for (int i = 0; i < r; i++) {
				summaries[w][i] = writer.write(references.get(i).transcript()).summary();
				scores[w][i] = score(summaries[w][i], references.get(i).summaries());
				setSums[w][setOf[i]] += scores[w][i][0] + scores[w][i][1] + scores[w][i][2];
			}
		}
		int defaults = grid.indexOf(SummaryWeights.DEFAULT);
		int former = grid.indexOf(SummaryWeights.FORMER);
		double[] none = { Double.NaN, Double.NaN, Double.NaN };
		double[][][] sums = new double[sets.size()][5][3];
		int[] chosenCount = new int[g];
		for (int i = 0; i < r; i++) {
			int best = best(setSums, setSize, i, setOf[i], scores);
			chosenCount[best]++;
			SummaryReference reference = references.get(i);
			int budget = Math.max(1, Rouge.tokens(summaries[best][i]).size());
			double[][] rows = { scores[best][i], defaults >= 0 ? scores[defaults][i] : none,
					former >= 0 ? scores[former][i] : none,
					score(Baselines.lead(reference.transcript(), budget), reference.summaries()),
					score(Baselines.tfidf(reference.transcript(), budget), reference.summaries()) };
			for (int c = 0; c < rows.length; c++) {
				for (int m = 0; m < 3; m++) {
					sums[setOf[i]][c][m] += rows[c][m] / setSize[setOf[i]];
				}
			}
		}
		String[] names = { "held out", "default", "former", "lead-N", "tf-idf" };
		double[][] overall = new double[names.length][3];
		console.println("Summary weights chosen by leave-one-reference-out cross-validation (ROUGE-1 / 2 / L):");
		for (int s = 0; s < sets.size(); s++) {
			for (int c = 0; c < names.length; c++) {
				for (int m = 0; m < 3; m++) {
					overall[c][m] += sums[s][c][m] / sets.size();
				}
				console.printf(Locale.ROOT, "%-13s %-9s ROUGE-1 %.3f  ROUGE-2 %.3f  ROUGE-L %.3f  (%d references)%n",
						sets.get(s), names[c], sums[s][c][0], sums[s][c][1], sums[s][c][2], setSize[s]);
			}
		}
		for (int c = 0; c < names.length; c++) {
			console.printf(Locale.ROOT, "%-13s %-9s ROUGE-1 %.3f  ROUGE-2 %.3f  ROUGE-L %.3f  (mean over %d sets)%n",
					"overall", names[c], overall[c][0], overall[c][1], overall[c][2], sets.size());
		}
		int all = best(setSums, setSize, -1, -1, scores);
		StringBuilder chosen = new StringBuilder();
		for (int w = 0; w < g; w++) {
			if (chosenCount[w] > 0) {
				chosen.append(String.format(Locale.ROOT, " %s x%d;", describe(grid.get(w)), chosenCount[w]));
			}
		}
		console.printf(Locale.ROOT,
				"weights chosen per held-out reference:%s on all references: %s (default %s, former %s)%n", chosen,
				describe(grid.get(all)), describe(SummaryWeights.DEFAULT), describe(SummaryWeights.FORMER));
		return new Result(overall[0], overall[3], overall[4]);
	}

	/**
	 * The weights with the best mean over sets of ROUGE-1 + 2 + L, leaving out reference
	 * {@code left} (of set {@code leftSet}); -1 leaves nothing out.
	 */
	private static int best(double[][] setSums, int[] setSize, int left, int leftSet, double[][][] scores) {
		int best = 0;
		double bestValue = -1;
		for (int w = 0; w < setSums.length; w++) {
			double value = 0;
			for (int s = 0; s < setSize.length; s++) {
				double sum = setSums[w][s];
				int n = setSize[s];
				if (s == leftSet) {
					double[] own = scores[w][left];
					sum -= own[0] + own[1] + own[2];
					n--;
				}
				value += n > 0 ? sum / n : 0;
			}
			if (value > bestValue + 1e-12) {
				bestValue = value;
				best = w;
			}
		}
		return best;
	}

	private static String describe(SummaryWeights weights) {
		return String.format(Locale.ROOT, "position %.1f, coverage %.1f, diversity %.1f", weights.position(),
				weights.coverage(), weights.diversity());
	}

	private static void print(PrintStream console, String set, String what, List<Double> values) {
		if (values == null || values.isEmpty()) {
			return;
		}
		double sum = 0;
		int n = 0;
		for (double v : values) {
			if (!Double.isNaN(v)) {
				sum += v;
				n++;
			}
		}
		if (n > 0) {
			console.printf(Locale.ROOT, "%-13s %s %.3f (%d references)%n", set, what, sum / n, n);
		}
	}

	private static String ratio(double value) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
	}

	/** ROUGE-1/2/L F1 of the candidate, averaged over the references. */
	static double[] score(String candidate, List<String> references) {
		double[] mean = new double[3];
		for (String reference : references) {
			Rouge.Scores scores = Rouge.score(candidate, reference);
			mean[0] += scores.rouge1() / references.size();
			mean[1] += scores.rouge2() / references.size();
			mean[2] += scores.rougeL() / references.size();
		}
		return mean;
	}

}
