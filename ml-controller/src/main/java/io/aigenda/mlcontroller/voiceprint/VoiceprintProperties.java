package io.aigenda.mlcontroller.voiceprint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recognising speakers by voiceprint.
 *
 * @param matchThreshold cosine similarity above which a speaker takes a voiceprint's
 * name; the default is calibrated for the diarization-worker's signal-processing
 * voiceprints on dev pairs across recordings (see its README)
 * @param confidenceSlope slope of the logistic that turns a cosine into the match
 * confidence the API shows: {@code 1 / (1 + exp(-slope * (cosine - matchThreshold)))},
 * 0.5 at the threshold
 */
@ConfigurationProperties("aigenda.voiceprints")
public record VoiceprintProperties(@DefaultValue("0.79") double matchThreshold,
		@DefaultValue("20") double confidenceSlope) {

	/**
	 * The calibrated probability (0..1) that a match at this cosine is the same person.
	 */
	public double confidence(double cosine) {
		return 1 / (1 + Math.exp(-this.confidenceSlope * (cosine - this.matchThreshold)));
	}

}
