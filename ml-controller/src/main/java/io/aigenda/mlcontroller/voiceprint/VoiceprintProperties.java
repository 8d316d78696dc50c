package io.aigenda.mlcontroller.voiceprint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recognising speakers by voiceprint.
 *
 * @param matchThreshold cosine similarity above which a speaker takes a voiceprint's
 * name; the default is calibrated for the diarization-worker's signal-processing
 * voiceprints (see its README)
 */
@ConfigurationProperties("aigenda.voiceprints")
public record VoiceprintProperties(@DefaultValue("0.75") double matchThreshold) {
}
