package io.aigenda.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes RIFF/WAVE files of 16-bit PCM, the one format the platform writes: recordings
 * joined from a bot's chunks, clips and looped recordings for load tests and benchmarks,
 * test inputs. {@link WavAudioDecoder} reads them back.
 */
public final class WavWriter {

	/** Length of the header before the samples. */
	public static final int HEADER_BYTES = 44;

	// RIFF sizes are unsigned 32-bit and the RIFF size counts 36 header bytes too.
	private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 36;

	private static final int BUFFER_SAMPLES = 8192;

	private WavWriter() {
	}

	/**
	 * The header of integer PCM data: it says what it is given, true or not, so tests can
	 * write files that lie.
	 * @param dataBytes length of the sample data that follows
	 * @throws IllegalArgumentException when the data is too long for one WAV file (4 GiB)
	 */
	public static byte[] header(int sampleRate, int channels, int bitsPerSample, long dataBytes) {
		if (dataBytes < 0 || dataBytes > MAX_DATA_BYTES) {
			throw new IllegalArgumentException("Too long for one WAV file: " + dataBytes + " bytes of audio");
		}
		int blockAlign = channels * bitsPerSample / 8;
		ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
		header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
		header.putShort((short) channels).putInt(sampleRate).putInt((int) ((long) sampleRate * blockAlign));
		header.putShort((short) blockAlign).putShort((short) bitsPerSample);
		header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
		return header.array();
	}

	/** The header of 16-bit mono PCM data. */
	public static byte[] header(int sampleRate, long dataBytes) {
		return header(sampleRate, 1, 16, dataBytes);
	}

	/** The audio as the bytes of a 16-bit mono WAV file. */
	public static byte[] bytes(Audio audio) {
		float[] samples = audio.samples();
		ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
		wav.put(header(audio.sampleRate(), 2L * samples.length));
		for (float sample : samples) {
			wav.putShort(pcm16(sample));
		}
		return wav.array();
	}

	/** Writes the audio to a 16-bit mono WAV file. */
	public static void write(Audio audio, Path file) throws IOException {
		Files.write(file, bytes(audio));
	}

	/**
	 * Writes samples as 16-bit little-endian PCM, for data that is streamed after a
	 * {@link #header}.
	 */
	public static void writeSamples(float[] samples, int from, int to, OutputStream out) throws IOException {
		byte[] buffer = new byte[2 * Math.min(BUFFER_SAMPLES, Math.max(0, to - from))];
		ByteBuffer pcm = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = from; i < to; i++) {
			pcm.putShort(pcm16(samples[i]));
			if (!pcm.hasRemaining()) {
				out.write(buffer, 0, pcm.position());
				pcm.clear();
			}
		}
		out.write(buffer, 0, pcm.position());
	}

	/**
	 * Writes the header of a 16-bit mono WAV file whose data was appended after
	 * {@link #HEADER_BYTES} bytes left for it, once the data's length is known.
	 */
	public static void writeHeader(Path file, int sampleRate, long dataBytes) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(header(sampleRate, dataBytes)), 0);
		}
	}

	private static short pcm16(float sample) {
		return (short) Math.round(Math.max(-1f, Math.min(1f, sample)) * Short.MAX_VALUE);
	}

}
