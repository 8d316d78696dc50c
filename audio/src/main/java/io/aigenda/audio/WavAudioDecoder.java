package io.aigenda.audio;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure-Java decoder for RIFF/WAVE files: integer PCM of 8, 16, 24 or 32 bits and IEEE
 * float of 32 or 64 bits, any channel count (mixed down), any sane sample rate (resampled
 * to 16 kHz). Used where ffmpeg is not installed. Streams the data chunk, so a header
 * that claims hours of audio costs nothing: only the bytes really present are read, up to
 * the duration limit.
 */
public class WavAudioDecoder implements AudioDecoder {

	private static final int FORMAT_PCM = 1;

	private static final int FORMAT_FLOAT = 3;

	private static final int FORMAT_EXTENSIBLE = 0xFFFE;

	private static final int MAX_SAMPLE_RATE = 384_000;

	private static final int MAX_CHANNELS = 64;

	private final double maxSeconds;

	public WavAudioDecoder() {
		this(AudioDecoders.DEFAULT_MAX_SECONDS);
	}

	public WavAudioDecoder(double maxSeconds) {
		this.maxSeconds = maxSeconds;
	}

	@Override
	public Audio decode(Path file) {
		return read(file, false, this.maxSeconds).get(0);
	}

	/** Left and right of a two-channel file; empty for any other channel count. */
	@Override
	public List<Audio> decodeChannels(Path file) {
		return read(file, true, this.maxSeconds);
	}

	/** Reads no more than a second past the limit. */
	@Override
	public List<Audio> decodeChannels(Path file, double maxSeconds) {
		return AudioDecoder
			.withinLimit(read(file, true, Math.min(this.maxSeconds, StereoChannels.readLimit(maxSeconds))), maxSeconds);
	}

	private List<Audio> read(Path file, boolean split, double seconds) {
		try (InputStream raw = Files.newInputStream(file);
				DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
			return read(in, split, seconds);
		}
		catch (EOFException ex) {
			throw new AudioDecodingException("The WAV file ends before its audio data starts");
		}
		catch (IOException ex) {
			throw new AudioDecodingException("The recording could not be read: " + ex.getMessage(), ex);
		}
	}

	private List<Audio> read(DataInputStream in, boolean split, double seconds) throws IOException {
		byte[] riff = new byte[12];
		int got = in.readNBytes(riff, 0, 12);
		if (got < 12 || !ascii(riff, 0, "RIFF") || !ascii(riff, 8, "WAVE")) {
			throw new AudioDecodingException(
					"The file is not a WAV recording (only WAV can be decoded without ffmpeg)");
		}
		Format format = null;
		while (true) {
			byte[] header = in.readNBytes(8);
			if (header.length < 8) {
				throw new AudioDecodingException("The WAV file has no audio data");
			}
			String id = new String(header, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
			long size = le32(header, 4) & 0xFFFFFFFFL;
			if (id.equals("fmt ")) {
				format = Format.parse(in.readNBytes((int) Math.min(size, 64)));
				skip(in, size - Math.min(size, 64) + (size & 1));
			}
			else if (id.equals("data")) {
				if (format == null) {
					throw new AudioDecodingException("The WAV file has audio data but no format description");
				}
				if (split && format.channels != 2) {
					return List.of();
				}
				return readSamples(in, format, size, split, seconds);
			}
			else {
				skip(in, size + (size & 1));
			}
		}
	}

	private List<Audio> readSamples(DataInputStream in, Format format, long declaredBytes, boolean split,
			double seconds) throws IOException {
		int frameBytes = format.channels * format.bytesPerSample;
		long maxFrames = (long) Math.ceil(seconds * format.sampleRate);
		long frames = Math.min(declaredBytes / frameBytes, maxFrames);
		int outputs = split ? format.channels : 1;
		// A header may claim far more than the file holds; grow as data really arrives.
		float[][] out = new float[outputs][(int) Math.min(frames, 1 << 20)];
		byte[] frame = new byte[frameBytes];
		int count = 0;
		while (count < frames) {
			if (in.readNBytes(frame, 0, frameBytes) < frameBytes) {
				break;
			}
			if (count == out[0].length) {
				for (int o = 0; o < outputs; o++) {
					out[o] = java.util.Arrays.copyOf(out[o], (int) Math.min(frames, (long) out[o].length * 2));
				}
			}
			if (split) {
				for (int c = 0; c < format.channels; c++) {
					out[c][count] = (float) format.sample(frame, c * format.bytesPerSample);
				}
			}
			else {
				double sum = 0;
				for (int c = 0; c < format.channels; c++) {
					sum += format.sample(frame, c * format.bytesPerSample);
				}
				out[0][count] = (float) (sum / format.channels);
			}
			count++;
		}
		List<Audio> channels = new ArrayList<>(outputs);
		for (int o = 0; o < outputs; o++) {
			float[] samples = java.util.Arrays.copyOf(out[o], count);
			channels
				.add(new Audio(Resampler.resample(samples, format.sampleRate, Audio.SAMPLE_RATE), Audio.SAMPLE_RATE));
		}
		return channels;
	}

	private static void skip(DataInputStream in, long bytes) throws IOException {
		long left = bytes;
		while (left > 0) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new EOFException();
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private static boolean ascii(byte[] bytes, int offset, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (bytes[offset + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	static int le16(byte[] b, int o) {
		return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
	}

	static int le32(byte[] b, int o) {
		return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
	}

	private record Format(int encoding, int channels, int sampleRate, int bytesPerSample) {

		static Format parse(byte[] fmt) {
			if (fmt.length < 16) {
				throw new AudioDecodingException("The WAV format description is damaged");
			}
			int encoding = le16(fmt, 0);
			int channels = le16(fmt, 2);
			int sampleRate = le32(fmt, 4);
			int bits = le16(fmt, 14);
			if (encoding == FORMAT_EXTENSIBLE && fmt.length >= 26) {
				encoding = le16(fmt, 24);
			}
			if (channels <= 0 || channels > MAX_CHANNELS) {
				throw new AudioDecodingException("The WAV file declares " + channels + " channels");
			}
			if (sampleRate < 1000 || sampleRate > MAX_SAMPLE_RATE) {
				throw new AudioDecodingException(
						"The WAV file declares an unusable sample rate of " + sampleRate + " Hz");
			}
			boolean pcm = encoding == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
			boolean floating = encoding == FORMAT_FLOAT && (bits == 32 || bits == 64);
			if (!pcm && !floating) {
				throw new AudioDecodingException(
						"This WAV encoding (format " + encoding + ", " + bits + " bits) needs ffmpeg to decode");
			}
			return new Format(encoding, channels, sampleRate, bits / 8);
		}

		double sample(byte[] b, int o) {
			if (this.encoding == FORMAT_FLOAT) {
				if (this.bytesPerSample == 4) {
					return Float.intBitsToFloat(le32(b, o));
				}
				long bits = (le32(b, o) & 0xFFFFFFFFL) | ((long) le32(b, o + 4) << 32);
				return Double.longBitsToDouble(bits);
			}
			return switch (this.bytesPerSample) {
				case 1 -> ((b[o] & 0xFF) - 128) / 128.0;
				case 2 -> ((short) le16(b, o)) / 32768.0;
				case 3 -> (((b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | b[o + 2] << 16)) / 8388608.0;
				default -> le32(b, o) / 2147483648.0;
			};
		}

	}

}
