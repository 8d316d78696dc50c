package io.aigenda.app.bench;

import io.aigenda.app.Console;
import io.aigenda.app.PlatformFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTests {

	@Test
	void stepsAreTimedAgainstTheLengthOfTheRecording() {
		Console console = Console.run("bench", "--skip-platform", "--runs", "1", PlatformFiles.JFK.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).contains("jfk.wav: 11.0 s of audio")
			.containsPattern("ASR engine\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{4}")
			.contains("decode", "VAD", "diarization", "minutes");
	}

}
