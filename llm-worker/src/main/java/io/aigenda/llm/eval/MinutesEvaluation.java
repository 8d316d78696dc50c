package io.aigenda.llm.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.aigenda.contracts.Minutes;
import io.aigenda.llm.extractive.Baselines;
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
