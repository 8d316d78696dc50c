package io.aigenda.diarization.kaldi;

import java.nio.file.Path;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.diarization.TestModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java fbank against torchaudio's Kaldi-compatible fbank of the same real recording
 * (computed by scripts/make-test-models.py), so speaker models trained on Kaldi features
 * see the same input.
 */
class KaldiFbankTest {

	static final Path JFK = Path.of(System.getProperty("aigenda.shared", "../shared"), "eval-dev/asr/en/jfk.wav");

	@Test
	void matchesTorchaudiosKaldiFbankOnRealSpeech() {
		Audio audio = AudioDecoders.detect().decode(JFK);
		float[] reference = TestModels.floats("fbank.f32");
		KaldiFbank fbank = KaldiFbank.wespeaker();

		float[][] features = fbank.compute(audio.samples(), 0, 4 * 16_000);

		assertThat(features.length).isEqualTo(398);
		assertThat(reference.length).isEqualTo(398 * 80);
		double worst = 0;
		double total = 0;
		for (int t = 0; t < features.length; t++) {
			for (int m = 0; m < 80; m++) {
				double difference = Math.abs(features[t][m] - reference[t * 80 + m]);
				worst = Math.max(worst, difference);
				total += difference;
			}
		}
		// log energies of about 5..25: torch computes in float32, this in double
		assertThat(worst).isLessThan(1e-2);
		assertThat(total / reference.length).isLessThan(1e-4);
	}

	@Test
	void framesFollowKaldisSnippedEdges() {
		KaldiFbank fbank = KaldiFbank.wespeaker();
		assertThat(fbank.frames(399)).isZero();
		assertThat(fbank.frames(400)).isEqualTo(1);
		assertThat(fbank.frames(16_000)).isEqualTo(98);
	}

	@Test
	void meanNormalisationCentresEveryDimension() {
		float[][] features = { { 1, 10 }, { 3, 20 } };
		KaldiFbank.subtractMean(features);
		assertThat(features[0]).containsExactly(-1, -5);
		assertThat(features[1]).containsExactly(1, 5);
	}

}
