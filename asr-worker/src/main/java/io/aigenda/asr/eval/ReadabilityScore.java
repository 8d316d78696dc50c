package io.aigenda.asr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aigenda.contracts.Word;

/**
 * How readable text compares with a punctuated reference, on the words the recogniser got
 * right (aligned by the longest common subsequence of normalised words): whether each
 * starts with a capital as the reference's does, and whether it ends a sentence where the
 * reference's does. Also which recognised words are wrong, for the confidence threshold
 * of doubtful words.
 */
public final class ReadabilityScore {

	private ReadabilityScore() {
	}

	/**
	 * Counts for one file.
	 *
	 * @param words matched words compared
	 * @param capitalsRight matched words whose capitalisation agrees with the reference
	 * @param capitalsBaseline the same for all-lowercase text (the bare engine)
	 * @param endsInReference matched words that end a sentence in the reference
	 * @param endsPredicted matched words that end a sentence in the readable text
	 * @param endsRight matched words that end a sentence in both
	 */
	public record Counts(int words, int capitalsRight, int capitalsBaseline, int endsInReference, int endsPredicted,
			int endsRight) {

		public static Counts none() {
			return new Counts(0, 0, 0, 0, 0, 0);
		}

		public Counts plus(Counts o) {
			return new Counts(this.words + o.words, this.capitalsRight + o.capitalsRight,
					this.capitalsBaseline + o.capitalsBaseline, this.endsInReference + o.endsInReference,
					this.endsPredicted + o.endsPredicted, this.endsRight + o.endsRight);
		}

		public double endPrecision() {
			return (this.endsPredicted > 0) ? (double) this.endsRight / this.endsPredicted : 0;
		}

		public double endRecall() {
			return (this.endsInReference > 0) ? (double) this.endsRight / this.endsInReference : 0;
		}

	}

	/** One recognised word: its confidence and whether the reference has it there. */
	public record Scored(double confidence, boolean wrong) {
	}

	/** Whether a reference is written with capitals and punctuation. */
	public static boolean punctuated(String reference) {
		return reference.matches("(?s).*[.?!].*") && !reference.equals(reference.toUpperCase(Locale.ROOT));
	}

	public static Counts readability(String reference, List<Word> words) {
		List<String> refTokens = new ArrayList<>();
		List<String> refKeys = new ArrayList<>();
		for (String token : reference.strip().split("\\s+")) {
			List<String> keys = WordErrorRate.normalise(token);
			if (keys.size() == 1) {
				refTokens.add(token);
				refKeys.add(keys.get(0));
			}
		}
		List<String> hypKeys = new ArrayList<>();
		List<String> hypShown = new ArrayList<>();
		for (Word word : words) {
			hypKeys.add(String.join(" ", WordErrorRate.normalise(word.text())));
			hypShown.add(word.readable());
		}
		int[][] pairs = lcs(refKeys, hypKeys);
		int total = 0;
		int capitals = 0;
		int baseline = 0;
		int inReference = 0;
		int predicted = 0;
		int right = 0;
		for (int[] pair : pairs) {
			String ref = refTokens.get(pair[0]);
			String shown = hypShown.get(pair[1]);
			if (shown.isEmpty()) {
				continue;
			}
			total++;
			boolean refCapital = Character.isUpperCase(ref.codePointAt(firstLetter(ref)));
			boolean hypCapital = Character.isUpperCase(shown.codePointAt(firstLetter(shown)));
			capitals += (refCapital == hypCapital) ? 1 : 0;
			baseline += refCapital ? 0 : 1;
			boolean refEnd = ref.matches(".*[.?!…]['\"»”)]*");
			boolean hypEnd = shown.matches(".*[.?!…]");
			inReference += refEnd ? 1 : 0;
			predicted += hypEnd ? 1 : 0;
			right += (refEnd && hypEnd) ? 1 : 0;
		}
		return new Counts(total, capitals, baseline, inReference, predicted, right);
	}

	/** Each recognised word with whether it is wrong (not on the best alignment). */
	public static List<Scored> scored(String reference, List<Word> words) {
		List<String> refKeys = WordErrorRate.normalise(reference);
		List<String> hypKeys = new ArrayList<>();
		for (Word word : words) {
			hypKeys.add(String.join(" ", WordErrorRate.normalise(word.text())));
		}
		boolean[] matched = new boolean[words.size()];
		for (int[] pair : lcs(refKeys, hypKeys)) {
			matched[pair[1]] = true;
		}
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			scored.add(new Scored(words.get(i).confidence(), !matched[i]));
		}
		return scored;
	}

	private static int firstLetter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isLetterOrDigit(text.charAt(i))) {
				return i;
			}
		}
		return 0;
	}

	/** Index pairs (reference, hypothesis) of a longest common subsequence. */
	static int[][] lcs(List<String> a, List<String> b) {
		int n = a.size();
		int m = b.size();
		int[][] table = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				table[i][j] = a.get(i).equals(b.get(j)) ? table[i + 1][j + 1] + 1
						: Math.max(table[i + 1][j], table[i][j + 1]);
			}
		}
		List<int[]> pairs = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < n && j < m) {
			if (a.get(i).equals(b.get(j))) {
				pairs.add(new int[] { i, j });
				i++;
				j++;
			}
			else if (table[i + 1][j] >= table[i][j + 1]) {
				i++;
			}
			else {
				j++;
			}
		}
		return pairs.toArray(new int[0][]);
	}

}
