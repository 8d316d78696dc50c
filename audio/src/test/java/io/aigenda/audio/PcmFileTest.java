package io.aigenda.audio;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Long recordings decoded to disk and read a stretch at a time give exactly the samples
 * decoded into memory.
 */
class PcmFileTest {

	@Test
	void writtenAudioReadsBackStretchByStretchAndClampsAtTheEnds(@TempDir Path dir) {
		float[] samples = new float[40_000];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (float) Math.sin(i * 0.01) * 0.5f;
		}
		Audio audio = new Audio(samples, Audio.SAMPLE_RATE);
		Path file = dir.resolve("audio.f32");
		try (PcmFile pcm = PcmFile.write(audio, file)) {
			assertThat(pcm.length()).isEqualTo(40_000);
			assertThat(pcm.durationSeconds()).isEqualTo(2.5);
			assertThat(pcm.read(1000, 500)).isEqualTo(audio.read(1000, 500));
			assertThat(pcm.read(0.5, 1.0)).isEqualTo(audio.slice(0.5, 1.0));
			assertThat(pcm.read(39_900, 500).samples()).hasSize(100);
			assertThat(pcm.read(-10, 20).samples()).hasSize(20).isEqualTo(audio.read(0, 20).samples());
			assertThat(pcm.read(50_000, 10).samples()).isEmpty();
			assertThat(pcm.read(2.0, 9.0).durationSeconds()).isEqualTo(0.5);
		}
		assertThat(Files.exists(file)).as("closing deletes the file").isFalse();
	}

	@Test
	void ffmpegDecodingToDiskGivesTheSameSamplesAsDecodingToMemory(@TempDir Path dir) {
		FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
		Path recording = EvalDev.file("containers/jfk.mp3");
		Audio inMemory = decoder.decode(recording);
		try (PcmFile onDisk = decoder.decodeToFile(recording, dir.resolve("jfk.f32"))) {
			assertThat(onDisk.length()).isEqualTo(inMemory.length()).isGreaterThan(160_000);
			assertThat(onDisk.read(0, (int) onDisk.length())).isEqualTo(inMemory);
		}
	}

	@Test
	void decodingToDiskRefusesWhatDecodingToMemoryRefuses(@TempDir Path dir) throws Exception {
		Path text = dir.resolve("notes.wav");
		Files.writeString(text, "minutes of the last meeting");
		assertThatThrownBy(() -> new FfmpegAudioDecoder().decodeToFile(text, dir.resolve("out.f32")))
			.isInstanceOf(AudioDecodingException.class)
			.hasMessageContaining("not a recognised audio");
		assertThatThrownBy(() -> new WavAudioDecoder().decodeToFile(text, dir.resolve("out.f32")))
			.isInstanceOf(AudioDecodingException.class);
	}

	@Test
	void voiceActivityOverAFileReadInBlocksEqualsItOverTheWholeRecording(@TempDir Path dir) {
		// 60 s: the detector reads about 32 s at a time, so its state crosses a block
		// boundary
		Audio audio = new WavAudioDecoder().decode(EvalDev.file("asr/ru/long_ru_60s_noref.wav"));
		try (SileroVad vad = SileroVad.load(); PcmFile pcm = PcmFile.write(audio, dir.resolve("ru.f32"))) {
			float[] whole = vad.probabilities(audio);
			float[] streamed = vad.probabilities(pcm);
			assertThat(streamed).containsExactly(whole);
			assertThat(vad.detect(pcm)).isEqualTo(vad.detect(audio)).isNotEmpty();
		}
	}

}
