package io.aigenda.backend.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AudioFormatsTests {

	@ParameterizedTest
	@CsvSource({ "asr/en/jfk.wav, audio/wav", "asr/en/2412-153948-0000.flac, audio/flac",
			"containers/jfk.mp3, audio/mpeg", "containers/silero_test.opus, audio/ogg",
			"containers/pisets_test_mpeg.m4a, video/mp4",
			"containers/lhotse_big_buck_bunny_small_nonspeech.mp4, video/mp4" })
	void recognisesRealRecordingsByContent(String file, String contentType) throws IOException {
		assertThat(AudioFormats.sniff(head(Path.of(System.getProperty("aigenda.shared"), "eval-dev", file))))
			.contains(contentType);
	}

	@Test
	void refusesTextWhateverItsName() {
		assertThat(AudioFormats.sniff("RIFF is a word; WAVE is another.".getBytes(StandardCharsets.US_ASCII)))
			.isEmpty();
		assertThat(AudioFormats.sniff("{\"title\":\"notes\"}".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(AudioFormats.sniff(new byte[0])).isEmpty();
	}

	private static byte[] head(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(AudioFormats.HEAD_BYTES);
		}
	}

}
