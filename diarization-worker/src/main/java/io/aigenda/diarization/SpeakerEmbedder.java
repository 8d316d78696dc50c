package io.aigenda.diarization;

import java.util.List;

import io.aigenda.audio.Audio;

/**
 * Turns windows of one recording into speaker embeddings: L2-normalised vectors whose cosine
 * distance is small for the same voice. Embeds a recording's windows together, because
 * normalisation uses statistics of the whole recording.
 */
public interface SpeakerEmbedder {

	float[][] embed(Audio audio, List<SpeakerSegmenter.Window> windows);

}
