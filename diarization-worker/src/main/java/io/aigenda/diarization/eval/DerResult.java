package io.aigenda.diarization.eval;

import java.util.Map;

/**
 * Diarization error rate and its parts, all in seconds of scored reference speech
 * (overlapped speech counts once per speaker).
 *
 * @param mapping reference speaker to the hypothesis speaker it was mapped to
 */
public record DerResult(double scored, double missed, double falseAlarm, double confusion,
		Map<String, String> mapping) {

	/**
	 * (missed + false alarm + confusion) / scored reference speech; 0 when nothing is
	 * scored.
	 */
	public double der() {
		return this.scored > 0 ? (this.missed + this.falseAlarm + this.confusion) / this.scored : 0;
	}

	/** Pools two results, as DER over several files is pooled by time, not averaged. */
	public DerResult plus(DerResult other) {
		return new DerResult(this.scored + other.scored, this.missed + other.missed, this.falseAlarm + other.falseAlarm,
				this.confusion + other.confusion, Map.of());
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT,
				"DER %.2f%% (missed %.2f%%, false alarm %.2f%%, confusion %.2f%%, scored %.2f s)", 100 * der(),
				pct(this.missed), pct(this.falseAlarm), pct(this.confusion), this.scored);
	}

	private double pct(double seconds) {
		return this.scored > 0 ? 100 * seconds / this.scored : 0;
	}

}
