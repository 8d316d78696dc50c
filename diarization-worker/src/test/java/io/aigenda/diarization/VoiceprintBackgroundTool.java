package io.aigenda.diarization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.SpeakerTurn;

/**
 * Writes {@code voiceprint-background.tsv}: mean and standard deviation of the raw
 * voiceprint statistics over the single-speaker ASR recordings of eval-dev (each half of
 * each recording), which the voiceprint tests never score. Run from the repository root:
 *
 * <pre>
 * java -cp diarization-worker/target/classes:diarization-worker/target/test-classes:CLASSPATH \
 *   io.aigenda.diarization.VoiceprintBackgroundTool ../shared/eval-dev \
 *   diarization-worker/src/main/resources/io/aigenda/diarization/voiceprint-background.tsv
 * </pre>
 */
public final class VoiceprintBackgroundTool {

	static final List<String> RECORDINGS = List.of("asr/en/jfk.wav", "asr/en/2412-153948-0000.flac",
			"asr/ru/test_sound_ru.wav", "asr/ru/long_ru_60s_noref.wav");

	public static void main(String[] args) throws Exception {
		Path evalDev = Path.of(args[0]);
		SpeakerVoiceprints voiceprints = new SpeakerVoiceprints(DiarizationProperties.defaults().embedding(), null);
		List<float[]> vectors = new ArrayList<>();
		for (String recording : RECORDINGS) {
			Audio audio = AudioDecoders.detect().decode(evalDev.resolve(recording));
			double half = audio.durationSeconds() / 2;
			vectors.addAll(
					voiceprints
						.statistics(audio,
								List.of(new SpeakerTurn(0, half, "A"),
										new SpeakerTurn(half, audio.durationSeconds(), "B")))
						.values());
		}
		int dims = vectors.get(0).length;
		double[] mean = new double[dims];
		double[] std = new double[dims];
		for (float[] v : vectors) {
			for (int d = 0; d < dims; d++) {
				mean[d] += v[d] / vectors.size();
			}
		}
		for (float[] v : vectors) {
			for (int d = 0; d < dims; d++) {
				std[d] += (v[d] - mean[d]) * (v[d] - mean[d]) / vectors.size();
			}
		}
		StringBuilder out = new StringBuilder("# voiceprint background: mean, then standard deviation, of "
				+ vectors.size() + " halves of " + RECORDINGS + "\n");
		for (int d = 0; d < dims; d++) {
			out.append(d > 0 ? "\t" : "").append(String.format(Locale.ROOT, "%.6f", mean[d]));
		}
		out.append('\n');
		for (int d = 0; d < dims; d++) {
			out.append(d > 0 ? "\t" : "").append(String.format(Locale.ROOT, "%.6f", Math.max(1e-3, Math.sqrt(std[d]))));
		}
		out.append('\n');
		Files.createDirectories(Path.of(args[1]).getParent());
		Files.writeString(Path.of(args[1]), out);
		System.out.println("wrote " + args[1]);
	}

}
