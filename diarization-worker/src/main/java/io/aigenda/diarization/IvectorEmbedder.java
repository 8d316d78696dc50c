package io.aigenda.diarization;

import java.io.InputStream;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.diarization.kaldi.IvectorExtractor;

/**
 * Speaker embeddings as Kaldi i-vectors from the trained extractor that ships with the
 * English Vosk model (a total-variability model of 512 Gaussians trained on thousands of
 * speakers), so the offline default uses learned speaker variability instead of raw
 * spectral statistics. Per recording, i-vectors are standardised per dimension over the
 * windows before length normalisation, which removes what all windows share (the room,
 * the microphone).
 */
final class IvectorEmbedder implements SpeakerEmbedder {

	static final String RESOURCE_FOLDER = "/models/vosk-ivector/";

	private final IvectorExtractor extractor;

	IvectorEmbedder(IvectorExtractor extractor) {
		this.extractor = extractor;
	}

	/** The extractor bundled in this module's jar. */
	static IvectorEmbedder bundled(double posteriorScale) {
		return new IvectorEmbedder(IvectorExtractor.load(IvectorEmbedder::open, posteriorScale));
	}

	private static InputStream open(String name) throws java.io.IOException {
		InputStream in = IvectorEmbedder.class.getResourceAsStream(RESOURCE_FOLDER + name);
		if (in == null) {
			throw new java.io.FileNotFoundException("The bundled i-vector extractor lacks " + name);
		}
		return in;
	}

	@Override
	public float[][] raw(Audio audio, List<SpeakerSegmenter.Window> windows) {
		if (windows.isEmpty()) {
			return new float[0][];
		}
		if (audio.sampleRate() != 16_000) {
			throw new IllegalArgumentException("i-vectors need 16 kHz audio, got " + audio.sampleRate());
		}
		IvectorExtractor.Frames frames = this.extractor.frames(audio.samples());
		double step = this.extractor.frameSeconds();
		float[][] embeddings = new float[windows.size()][];
		for (int w = 0; w < windows.size(); w++) {
			SpeakerSegmenter.Window window = windows.get(w);
			double[] ivector = this.extractor.ivector(frames, (int) Math.round(window.start() / step),
					(int) Math.round(window.end() / step));
			embeddings[w] = new float[ivector.length];
			for (int d = 0; d < ivector.length; d++) {
				embeddings[w][d] = (float) ivector[d];
			}
		}
		return embeddings;
	}

}
