package io.aigenda.asr.eval;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Word error rate: the Levenshtein distance between reference and hypothesis words, (S +
 * D + I) / N. Both texts are normalised first so that case, punctuation and apostrophe
 * variants do not count as errors.
 */
public final class WordErrorRate {

	private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC\u0060\u00B4]");

	// Letters, digits and apostrophes inside words survive; everything else separates
	// words.
	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

	private static final Pattern LOOSE_APOSTROPHE = Pattern.compile("(^|\\s)'+|'+(\\s|$)");

	private WordErrorRate() {
	}

	/**
	 * Lower-cased words without punctuation, with one kind of apostrophe (and е for ё).
	 */
	public static List<String> normalise(String text) {
		String unified = APOSTROPHES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("'");
		// Russian texts write the same word with and without the diaeresis
		String lower = unified.toLowerCase(Locale.ROOT).replace('ё', 'е');
		String spaced = NOT_WORD.matcher(lower).replaceAll(" ");
		String trimmed = LOOSE_APOSTROPHE.matcher(spaced).replaceAll(" ").strip();
		return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
	}

	/** Compares a hypothesis with a reference after normalising both. */
	public static Result compute(String reference, String hypothesis) {
		return align(normalise(reference), normalise(hypothesis));
	}

	/**
	 * Minimum-edit alignment of word lists; among equal costs, substitutions are
	 * preferred.
	 */
	public static Result align(List<String> reference, List<String> hypothesis) {
		int n = reference.size();
		int m = hypothesis.size();
		// cost[i][j] for reference[0..i) against hypothesis[0..j); the operation counts
		// follow one optimal path
		int[][] cost = new int[n + 1][m + 1];
		int[][] subs = new int[n + 1][m + 1];
		int[][] dels = new int[n + 1][m + 1];
		int[][] ins = new int[n + 1][m + 1];
		for (int i = 1; i <= n; i++) {
			cost[i][0] = i;
			dels[i][0] = i;
		}
		for (int j = 1; j <= m; j++) {
			cost[0][j] = j;
			ins[0][j] = j;
		}
		for (int i = 1; i <= n; i++) {
			for (int j = 1; j <= m; j++) {
				boolean same = reference.get(i - 1).equals(hypothesis.get(j - 1));
				int diagonal = cost[i - 1][j - 1] + (same ? 0 : 1);
				int deletion = cost[i - 1][j] + 1;
				int insertion = cost[i][j - 1] + 1;
				if (diagonal <= deletion && diagonal <= insertion) {
					cost[i][j] = diagonal;
					subs[i][j] = subs[i - 1][j - 1] + (same ? 0 : 1);
					dels[i][j] = dels[i - 1][j - 1];
					ins[i][j] = ins[i - 1][j - 1];
				}
				else if (deletion <= insertion) {
					cost[i][j] = deletion;
					subs[i][j] = subs[i - 1][j];
					dels[i][j] = dels[i - 1][j] + 1;
					ins[i][j] = ins[i - 1][j];
				}
				else {
					cost[i][j] = insertion;
					subs[i][j] = subs[i][j - 1];
					dels[i][j] = dels[i][j - 1];
					ins[i][j] = ins[i][j - 1] + 1;
				}
			}
		}
		return new Result(subs[n][m], dels[n][m], ins[n][m], n);
	}

	/**
	 * Error counts of one comparison.
	 *
	 * @param substitutions reference words recognised as another word
	 * @param deletions reference words missing from the hypothesis
	 * @param insertions hypothesis words with no reference word
	 * @param referenceWords N, the number of reference words
	 */
	public record Result(int substitutions, int deletions, int insertions, int referenceWords) {

		public int errors() {
			return this.substitutions + this.deletions + this.insertions;
		}

		/** (S + D + I) / N; 0 for an empty reference matched by an empty hypothesis. */
		public double wer() {
			if (this.referenceWords == 0) {
				return (errors() == 0) ? 0.0 : Double.POSITIVE_INFINITY;
			}
			return (double) errors() / this.referenceWords;
		}

		/** Sums counts, for an overall rate weighted by reference length. */
		public Result plus(Result other) {
			return new Result(this.substitutions + other.substitutions, this.deletions + other.deletions,
					this.insertions + other.insertions, this.referenceWords + other.referenceWords);
		}

		public static Result none() {
			return new Result(0, 0, 0, 0);
		}

	}

}
