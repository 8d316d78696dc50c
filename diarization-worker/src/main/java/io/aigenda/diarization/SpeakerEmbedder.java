package io.aigenda.diarization;

import java.util.List;

import io.aigenda.audio.Audio;

/**
 * Turns windows of one recording into speaker embeddings: L2-normalised vectors whose
 * cosine distance is small for the same voice. Embedding has two stages so that a long
 * recording can be embedded a stretch at a time: {@link #raw} needs only the audio around
 * the windows, and {@link #normalise} then makes the raw vectors of all the recording's
 * windows comparable, as it uses statistics of the whole recording.
 */
public interface SpeakerEmbedder {

	/** One raw embedding per window; window times are relative to {@code audio}. */
	float[][] raw(Audio audio, List<SpeakerSegmenter.Window> windows);

	/**
	 * The raw embeddings of all of a recording's windows, standardised per dimension over
	 * the recording and scaled to unit length.
	 */
	default float[][] normalise(float[][] raw) {
		return raw.length == 0 ? raw : Embeddings.normalised(raw);
	}

	/** Embeddings of windows of a recording held whole in memory. */
	default float[][] embed(Audio audio, List<SpeakerSegmenter.Window> windows) {
		return windows.isEmpty() ? new float[0][] : normalise(raw(audio, windows));
	}

}
