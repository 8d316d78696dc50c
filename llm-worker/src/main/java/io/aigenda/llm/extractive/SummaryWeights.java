package io.aigenda.llm.extractive;

/**
 * Weights of the extractive summary's sentence choice, chosen by cross-validation over
 * every dev reference ({@code aigenda eval minutes} prints the held-out figures).
 *
 * @param position bonus of the first sentences (a meeting's opening often says what it is
 * about): a sentence's score is multiplied by {@code 1 + position * e^(-i/2)}
 * @param coverage bonus for a sentence whose topic has nothing in the summary yet
 * @param diversity weight of the similarity to sentences already taken (maximal marginal
 * relevance)
 */
public record SummaryWeights(double position, double coverage, double diversity) {

	/**
	 * The weights in use: those chosen on all dev references (a strong lead bonus: the
	 * first sentences win unless far less central); {@code eval minutes} prints the
	 * held-out figures.
	 */
	public static final SummaryWeights DEFAULT = new SummaryWeights(16, 0.3, 0.3);

	/** The weights before they were cross-validated, for comparison. */
	public static final SummaryWeights FORMER = new SummaryWeights(2, 0.3, 0.3);

	public SummaryWeights {
		position = Math.max(0, position);
		coverage = Math.max(0, coverage);
		diversity = Math.max(0, Math.min(1, diversity));
	}

}
