package io.aigenda.app.bench;

import java.nio.file.Path;

import io.aigenda.app.Console;
import io.aigenda.app.PlatformFiles;
import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.WavAudioDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchCommandTests {

	@Test
	void stepsAreTimedAgainstTheLengthOfTheRecording() {
		Console console = Console.run("bench", "--skip-platform", "--runs", "1", PlatformFiles.JFK.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).contains("jfk.wav: 11.0 s of audio")
			.containsPattern("ASR engine\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{4}\\s+\\d+\\.\\d{4}")
			.containsPattern("load average \\d+\\.\\d{2} on \\d+ cores")
			.contains("decode", "VAD", "diarization", "minutes", "CPU s/s");
	}

	@Test
	void aLoopedRecordingIsMeasuredAgainstTheBareEngine() {
		Console console = Console.run("bench", "--skip-platform", "--runs", "1", "--loop-minutes", "1",
				PlatformFiles.JFK.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).contains("60.0 s of audio")
			.containsPattern("bare ASR engine, whole file\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{4}")
			.containsPattern("ASR step / bare ASR engine\\s+\\d+\\.\\d{2}x");
	}

	@Test
	void longDiarizationReportsItsRealTimeFactorAndTheHeapItHeld() {
		Console console = Console.run("bench", "--diarization-minutes", "1", PlatformFiles.JFK.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).containsPattern("diarization \\(vad-ivector-mfcc-agglomerative\\) of 1 min")
			.containsPattern("real-time factor \\d+\\.\\d{4}")
			.containsPattern("heap in use after collections at most \\d+ MiB");
	}

	@Test
	void theLoopedRecordingIsAValidWavOfTheRequestedLength(@TempDir Path dir) throws Exception {
		Audio clip = AudioDecoders.detect().decode(PlatformFiles.JFK);
		Path looped = dir.resolve("looped.wav");
		DiarizationBench.writeLooped(clip, 3 * clip.samples().length + 100, looped);

		Audio decoded = new WavAudioDecoder().decode(looped);
		assertThat(decoded.samples()).hasSize(3 * clip.samples().length + 100);
		int second = clip.samples().length + 1234;
		assertThat(decoded.samples()[second]).isCloseTo(clip.samples()[1234], within(1e-4f));
	}

}
