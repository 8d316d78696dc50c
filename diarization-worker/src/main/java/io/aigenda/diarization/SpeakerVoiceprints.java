package io.aigenda.diarization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioSource;
import io.aigenda.contracts.SpeakerTurn;

/**
 * One embedding per speaker of a recording, comparable across recordings, for
 * voiceprints: mean and spread of MFCCs and the spread of their deltas over all of the
 * speaker's turns. The clustering embeddings are standardised per recording, which makes
 * a lone speaker look like the average voice; these are standardised instead against a
 * fixed background of speech statistics ({@value #BACKGROUND_RESOURCE}, made by
 * {@code VoiceprintBackgroundTool} from recordings that the voiceprint tests do not
 * score), then L2-normalised, so their cosine compares voices.
 */
final class SpeakerVoiceprints {

	static final String BACKGROUND_RESOURCE = "voiceprint-background.tsv";

	/**
	 * Cosine above which a speaker is taken for a stored voiceprint. With reference turns
	 * on the AMI and pyannote clips, halves of one person scored about 0.6 to 0.95 and
	 * two different people up to about 0.9: this embedding cannot separate every pair, so
	 * the ml-controller also requires the best voiceprint to be the best for only one
	 * speaker of the meeting.
	 */
	static final double MATCH_THRESHOLD = 0.79;

	/** Shortest speech worth a voiceprint: less is too little to describe a voice. */
	static final double MIN_SECONDS = 2.0;

	private static final int DELTA_SPAN = 2;

	private final DiarizationProperties.Embedding options;

	private final double[][] background;

	SpeakerVoiceprints(DiarizationProperties.Embedding options) {
		this(options, readBackground());
	}

	/**
	 * @param background mean and standard deviation per dimension, or null for raw
	 * statistics
	 */
	SpeakerVoiceprints(DiarizationProperties.Embedding options, double[][] background) {
		this.options = options;
		this.background = background;
	}

	/**
	 * Per speaker with at least {@link #MIN_SECONDS} of turns, its L2-normalised
	 * voiceprint.
	 */
	Map<String, float[]> embed(AudioSource audio, List<SpeakerTurn> turns) {
		Map<String, float[]> result = statistics(audio, turns);
		result.replaceAll((speaker, stats) -> {
			if (this.background != null && this.background[0].length == stats.length) {
				for (int d = 0; d < stats.length; d++) {
					stats[d] = (float) ((stats[d] - this.background[0][d]) / this.background[1][d]);
				}
			}
			Embeddings.l2(stats);
			return stats;
		});
		return result;
	}

	/** The raw statistics per speaker, before standardisation. */
	Map<String, float[]> statistics(AudioSource audio, List<SpeakerTurn> turns) {
		Mfcc mfcc = new Mfcc(audio.sampleRate(), this.options);
		int dims = this.options.coefficients();
		Map<String, double[]> sums = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		AudioBlocks.forEach(audio,
				(block, offset, from, to) -> accumulate(mfcc, block, offset, from, to, turns, sums, counts));
		Map<String, float[]> result = new LinkedHashMap<>();
		int minFrames = (int) (MIN_SECONDS / mfcc.frameStep());
		sums.forEach((speaker, acc) -> {
			int n = counts.get(speaker);
			if (n < minFrames) {
				return;
			}
			float[] stats = new float[3 * dims];
			for (int d = 0; d < dims; d++) {
				double mean = acc[d] / n;
				stats[d] = (float) mean;
				stats[dims + d] = (float) Math.sqrt(Math.max(0, acc[dims + d] / n - mean * mean));
				stats[2 * dims + d] = (float) Math.sqrt(acc[2 * dims + d] / n);
			}
			result.put(speaker, stats);
		});
		return result;
	}

	/**
	 * Adds the frames of each turn that fall in {@code from..to} of this block to its
	 * speaker's sums.
	 */
	private void accumulate(Mfcc mfcc, Audio block, double offset, double from, double to, List<SpeakerTurn> turns,
			Map<String, double[]> sums, Map<String, Integer> counts) {
		float[][] features = mfcc.compute(block.samples());
		int dims = this.options.coefficients();
		for (SpeakerTurn turn : turns) {
			if (turn.end() <= from || turn.start() >= to) {
				continue;
			}
			double[] acc = sums.computeIfAbsent(turn.speaker(), s -> new double[3 * dims]);
			int first = Math.max(DELTA_SPAN,
					(int) Math.ceil((Math.max(from, turn.start()) - offset) / mfcc.frameStep()));
			int last = Math.min(features.length - DELTA_SPAN,
					(int) Math.floor((Math.min(to, turn.end()) - offset) / mfcc.frameStep()));
			int n = 0;
			for (int f = first; f < last; f++) {
				for (int d = 0; d < dims; d++) {
					double v = features[f][d];
					double delta = 0;
					for (int k = 1; k <= DELTA_SPAN; k++) {
						delta += k * (features[f + k][d] - features[f - k][d]);
					}
					delta /= 10.0;
					acc[d] += v;
					acc[dims + d] += v * v;
					acc[2 * dims + d] += delta * delta;
				}
				n++;
			}
			counts.merge(turn.speaker(), n, Integer::sum);
		}
	}

	/** Two lines of tab-separated numbers: means, then standard deviations. */
	static double[][] readBackground() {
		try (InputStream in = SpeakerVoiceprints.class.getResourceAsStream(BACKGROUND_RESOURCE)) {
			if (in == null) {
				return null;
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			double[][] background = new double[2][];
			int row = 0;
			for (String line = reader.readLine(); line != null && row < 2; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.trim().split("\t");
				background[row] = new double[parts.length];
				for (int i = 0; i < parts.length; i++) {
					background[row][i] = Double.parseDouble(parts[i]);
				}
				row++;
			}
			return row == 2 ? background : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
