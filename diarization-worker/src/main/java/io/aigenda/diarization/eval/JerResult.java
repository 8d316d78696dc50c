package io.aigenda.diarization.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jaccard error rate of one or more recordings.
 *
 * @param speakerErrors per reference speaker (in the reference's order), 1 - intersection
 * / union with its mapped hypothesis speaker, 1 when unmapped; pooled results keep every
 * recording's speakers, so the overall JER is the mean over all reference speakers, as
 * dscore's is
 * @param mapping reference speaker to hypothesis speaker (one recording only)
 */
public record JerResult(List<Double> speakerErrors, Map<String, String> mapping) {

	public JerResult {
		speakerErrors = List.copyOf(speakerErrors);
		mapping = Map.copyOf(mapping);
	}

	/** Mean error over reference speakers; 0 when there are none. */
	public double jer() {
		return this.speakerErrors.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

	/** Pools two results: the mean over both recordings' reference speakers. */
	public JerResult plus(JerResult other) {
		List<Double> all = new ArrayList<>(this.speakerErrors);
		all.addAll(other.speakerErrors);
		return new JerResult(all, Map.of());
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "JER %.2f%%", 100 * jer());
	}

}
