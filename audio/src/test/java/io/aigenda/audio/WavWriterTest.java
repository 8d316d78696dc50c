package io.aigenda.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WavWriterTest {

	private static final float ONE_STEP = 1f / Short.MAX_VALUE;

	private final WavAudioDecoder decoder = new WavAudioDecoder();

	@Test
	void aRealRecordingWrittenAndDecodedAgainKeepsEverySample(@TempDir Path dir) throws IOException {
		Audio speech = this.decoder.decode(EvalDev.file("asr/en/jfk.wav"));
		Path file = dir.resolve("jfk-again.wav");

		WavWriter.write(speech, file);
		Audio again = this.decoder.decode(file);

		assertThat(again.sampleRate()).isEqualTo(speech.sampleRate());
		assertThat(again.samples()).hasSameSizeAs(speech.samples());
		for (int i = 0; i < speech.samples().length; i++) {
			assertThat(Math.abs(again.samples()[i] - speech.samples()[i])).as("sample %d", i)
				.isLessThanOrEqualTo(ONE_STEP);
		}
	}

	@Test
	void samplesStreamedAfterAHeaderMakeTheSameFile() throws IOException {
		Audio speech = this.decoder.decode(EvalDev.file("asr/ru/test_sound_ru.wav"));
		float[] samples = speech.samples();
		ByteArrayOutputStream streamed = new ByteArrayOutputStream();

		streamed.write(WavWriter.header(speech.sampleRate(), 2L * samples.length));
		int half = samples.length / 2;
		WavWriter.writeSamples(samples, 0, half, streamed);
		WavWriter.writeSamples(samples, half, samples.length, streamed);

		assertThat(streamed.toByteArray()).isEqualTo(WavWriter.bytes(speech));
	}

	@Test
	void dataAppendedAfterRoomForTheHeaderBecomesAWavFileOnceItsLengthIsKnown(@TempDir Path dir) throws IOException {
		// How a bot's chunks are joined: raw 16-bit PCM after an empty header, then the
		// header.
		Audio speech = this.decoder.decode(EvalDev.file("asr/ru/test_sound_ru.wav"));
		Path file = dir.resolve("joined.wav");
		byte[] pcm = WavWriter.bytes(speech);
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(new byte[WavWriter.HEADER_BYTES]);
			out.write(pcm, WavWriter.HEADER_BYTES, pcm.length - WavWriter.HEADER_BYTES);
		}

		WavWriter.writeHeader(file, speech.sampleRate(), pcm.length - WavWriter.HEADER_BYTES);

		assertThat(Files.readAllBytes(file)).isEqualTo(pcm);
		assertThat(this.decoder.decode(file).durationSeconds()).isEqualTo(speech.durationSeconds());
	}

	@Test
	void moreThanOneWavFileCanHoldIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WavWriter.header(16_000, 1L << 32))
			.withMessageContaining("Too long");
	}

}
