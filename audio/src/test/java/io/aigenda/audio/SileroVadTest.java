package io.aigenda.audio;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SileroVadTest {

	private static SileroVad vad;

	@BeforeAll
	static void load() {
		vad = SileroVad.load();
	}

	@AfterAll
	static void close() {
		vad.close();
	}

	@Test
	void findsTheSpeechInARealRecording() {
		Audio audio = new WavAudioDecoder().decode(EvalDev.file("asr/en/jfk.wav"));
		float[] probabilities = vad.probabilities(audio);
		long speechFrames = 0;
		float max = 0;
		for (float p : probabilities) {
			speechFrames += p > 0.5 ? 1 : 0;
			max = Math.max(max, p);
		}
		// The model's publishers report 233 of 343 frames above 0.5 on this file.
		assertThat(probabilities).hasSize(344);
		assertThat(speechFrames).isBetween(200L, 270L);
		assertThat(max).isGreaterThan(0.99f);
		List<SpeechRegion> regions = vad.detect(audio);
		double speech = regions.stream().mapToDouble(SpeechRegion::duration).sum();
		assertThat(regions).hasSizeGreaterThan(1);
		assertThat(speech).isBetween(6.0, 10.5);
		assertThat(regions.getFirst().start()).isLessThan(1.0);
	}

	@Test
	void digitalSilenceHasNoSpeech() {
		Audio silence = new Audio(new float[16_000 * 3], 16_000);
		assertThat(vad.detect(silence)).isEmpty();
	}

	@Test
	void musicVideoWithoutSpeechHasLittleOrNoSpeech() {
		Audio audio = new FfmpegAudioDecoder()
			.decode(EvalDev.file("containers/lhotse_big_buck_bunny_small_nonspeech.mp4"));
		double speech = vad.detect(audio).stream().mapToDouble(SpeechRegion::duration).sum();
		// Animal calls and effects in the cartoon score as voice now and then (measured:
		// 39% of
		// the time), far below a spoken recording (jfk.wav: over 70%).
		assertThat(speech / audio.durationSeconds()).isLessThan(0.5);
	}

	@Test
	void hysteresisMergesShortPausesAndDropsClicks() {
		float[] p = new float[100];
		for (int i = 10; i < 40; i++) {
			p[i] = 0.9f;
		}
		p[20] = 0.2f; // one 32 ms dip inside speech
		p[70] = 0.95f; // a single-frame click
		List<SpeechRegion> regions = SileroVad.regions(p, 3.2, new VadOptions(0.5, 0.25, 0.1, 0.0));
		assertThat(regions).hasSize(1);
		assertThat(regions.getFirst().start()).isEqualTo(10 * 0.032, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(regions.getFirst().end()).isEqualTo(40 * 0.032, org.assertj.core.api.Assertions.within(1e-9));
	}

}
