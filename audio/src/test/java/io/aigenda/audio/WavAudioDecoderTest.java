package io.aigenda.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WavAudioDecoderTest {

	private final WavAudioDecoder decoder = new WavAudioDecoder();

	@Test
	void decodes16BitPcm() {
		Audio audio = this.decoder.decode(EvalDev.file("asr/en/jfk.wav"));
		assertThat(audio.durationSeconds()).isCloseTo(11.0, within(0.01));
	}

	@Test
	void decodesFloat32AndResamplesToSixteenKilohertz() {
		// The AMI excerpts are 32-bit float WAV files.
		Audio audio = this.decoder.decode(EvalDev.file("diarization/ami_dev/dev00.wav"));
		assertThat(audio.sampleRate()).isEqualTo(16_000);
		assertThat(audio.durationSeconds()).isCloseTo(30.0, within(0.05));
	}

	@Test
	void headerClaimingHoursReadsOnlyWhatIsPresent(@TempDir Path dir) throws IOException {
		byte[] wav = Files.readAllBytes(EvalDev.file("asr/en/jfk.wav"));
		ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		int data = indexOf(wav, "data");
		buffer.putInt(data + 4, Integer.MAX_VALUE); // about 18 hours at 16 kHz 16-bit
													// mono
		Path liar = Files.write(dir.resolve("liar.wav"), wav);
		Audio audio = this.decoder.decode(liar);
		assertThat(audio.durationSeconds()).isCloseTo(11.0, within(0.05));
	}

	@Test
	void zeroChannelsAndAbsurdSampleRatesAreRefused(@TempDir Path dir) throws IOException {
		byte[] wav = Files.readAllBytes(EvalDev.file("asr/en/jfk.wav"));
		int fmt = indexOf(wav, "fmt ");
		byte[] noChannels = wav.clone();
		ByteBuffer.wrap(noChannels).order(ByteOrder.LITTLE_ENDIAN).putShort(fmt + 10, (short) 0);
		Path a = Files.write(dir.resolve("a.wav"), noChannels);
		assertThatThrownBy(() -> this.decoder.decode(a)).isInstanceOf(AudioDecodingException.class)
			.hasMessageContaining("0 channels");
		byte[] hugeRate = wav.clone();
		ByteBuffer.wrap(hugeRate).order(ByteOrder.LITTLE_ENDIAN).putInt(fmt + 12, 2_000_000_000);
		Path b = Files.write(dir.resolve("b.wav"), hugeRate);
		assertThatThrownBy(() -> this.decoder.decode(b)).isInstanceOf(AudioDecodingException.class)
			.hasMessageContaining("sample rate");
	}

	@Test
	void nonWavIsRefused() {
		assertThatThrownBy(() -> this.decoder.decode(EvalDev.file("containers/jfk.mp3")))
			.isInstanceOf(AudioDecodingException.class)
			.hasMessageContaining("not a WAV");
	}

	private static int indexOf(byte[] bytes, String chunk) {
		outer: for (int i = 12; i < bytes.length - 4; i++) {
			for (int j = 0; j < 4; j++) {
				if (bytes[i + j] != chunk.charAt(j)) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException(chunk + " not found");
	}

}
