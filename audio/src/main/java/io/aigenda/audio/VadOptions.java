package io.aigenda.audio;

/**
 * Hyper-parameters of speech region detection, with Silero's recommended defaults.
 *
 * @param threshold speech probability that starts a region
 * @param minSpeechSeconds shorter regions are dropped as clicks and breaths
 * @param minSilenceSeconds shorter pauses do not end a region
 * @param padSeconds added on both sides so word edges are not clipped
 */
public record VadOptions(double threshold, double minSpeechSeconds, double minSilenceSeconds, double padSeconds) {

	public static final VadOptions DEFAULTS = new VadOptions(0.5, 0.25, 0.1, 0.03);

}
