package io.aigenda.diarization.eval;

/** A scored stretch of a recording (a UEM line), in seconds. */
public record TimeSpan(double start, double end) {

	public double duration() {
		return this.end - this.start;
	}

}
