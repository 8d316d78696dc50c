package io.aigenda.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FfmpegAudioDecoderTest {

	private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

	@BeforeAll
	static void ffmpegIsInstalled() {
		// CI installs ffmpeg; failing here (not skipping) keeps a missing install step
		// visible.
		assertThat(FfmpegAudioDecoder.isAvailable()).as("ffmpeg on PATH").isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "containers/jfk.mp3, 11.0", "containers/silero_test.opus, -1", "containers/pisets_test_mpeg.m4a, -1",
			"containers/lhotse_big_buck_bunny_small_nonspeech.mp4, -1", "asr/en/2412-153948-0000.flac, 11.7",
			"asr/en/jfk.wav, 11.0", "diarization/ami_dev/dev00.wav, 30.0" })
	void everyCommonContainerDecodesTo16kHzMono(String file, double expectedSeconds) {
		Audio audio = this.decoder.decode(EvalDev.file(file));
		assertThat(audio.sampleRate()).isEqualTo(16_000);
		assertThat(audio.durationSeconds()).isGreaterThan(0.5);
		if (expectedSeconds > 0) {
			assertThat(audio.durationSeconds()).isCloseTo(expectedSeconds, within(0.3));
		}
		assertThat(peak(audio)).isBetween(0.01, 1.5);
	}

	@Test
	void textFileNamedWavIsRefusedWithAClearReason(@TempDir Path dir) throws IOException {
		Path fake = Files.writeString(dir.resolve("notes.wav"), "These are meeting notes, not audio.\n".repeat(20));
		assertThatThrownBy(() -> this.decoder.decode(fake)).isInstanceOf(AudioDecodingException.class)
			.hasMessage("The file is not a recognised audio or video format, or it is damaged");
	}

	@Test
	void emptyFileIsRefused(@TempDir Path dir) throws IOException {
		Path empty = Files.createFile(dir.resolve("empty.mp3"));
		assertThatThrownBy(() -> this.decoder.decode(empty)).isInstanceOf(AudioDecodingException.class)
			.hasMessageContaining("empty");
	}

	@Test
	void truncatedMp3DecodesWhatIsThere(@TempDir Path dir) throws IOException {
		byte[] mp3 = Files.readAllBytes(EvalDev.file("containers/jfk.mp3"));
		Path half = Files.write(dir.resolve("half.mp3"), java.util.Arrays.copyOf(mp3, mp3.length / 2));
		Audio audio = this.decoder.decode(half);
		assertThat(audio.durationSeconds()).isBetween(3.0, 8.0);
	}

	@Test
	void durationLimitCutsLongRecordings() {
		Audio audio = new FfmpegAudioDecoder(2.0).decode(EvalDev.file("asr/en/jfk.wav"));
		assertThat(audio.durationSeconds()).isCloseTo(2.0, within(0.05));
	}

	@Test
	void pureJavaAndFfmpegAgreeOnAWav() {
		Audio viaFfmpeg = this.decoder.decode(EvalDev.file("asr/en/jfk.wav"));
		Audio viaJava = new WavAudioDecoder().decode(EvalDev.file("asr/en/jfk.wav"));
		assertThat(viaJava.samples().length).isEqualTo(viaFfmpeg.samples().length);
		double diff = 0;
		for (int i = 0; i < viaJava.samples().length; i++) {
			diff = Math.max(diff, Math.abs(viaJava.samples()[i] - viaFfmpeg.samples()[i]));
		}
		assertThat(diff).isLessThan(1e-3);
	}

	static double peak(Audio audio) {
		double peak = 0;
		for (float s : audio.samples()) {
			peak = Math.max(peak, Math.abs(s));
		}
		return peak;
	}

}
