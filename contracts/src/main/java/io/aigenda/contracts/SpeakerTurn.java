package io.aigenda.contracts;

/**
 * A stretch of time in which one speaker talks. Turns of different speakers may overlap.
 */
public record SpeakerTurn(double start, double end, String speaker) {

	public double overlap(double from, double to) {
		return Math.max(0, Math.min(this.end, to) - Math.max(this.start, from));
	}

}
