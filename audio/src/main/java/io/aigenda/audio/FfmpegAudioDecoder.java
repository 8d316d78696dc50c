package io.aigenda.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes any container ffmpeg knows (WAV, FLAC, MP3, M4A/AAC, Ogg/Opus, WebM, MP4...) by
 * running ffmpeg as a process: first audio track, mixed to mono, resampled to 16 kHz, as
 * raw 32-bit floats on its standard output.
 */
public class FfmpegAudioDecoder implements AudioDecoder {

	private static final String FFMPEG = "ffmpeg";

	private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

	private static volatile Boolean available;

	private final double maxSeconds;

	public FfmpegAudioDecoder() {
		this(AudioDecoders.DEFAULT_MAX_SECONDS);
	}

	public FfmpegAudioDecoder(double maxSeconds) {
		this.maxSeconds = maxSeconds;
	}

	/** Whether an ffmpeg binary answers on the PATH. */
	public static boolean isAvailable() {
		Boolean known = available;
		if (known == null) {
			try {
				Process process = new ProcessBuilder(FFMPEG, "-version").redirectErrorStream(true).start();
				process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
				known = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
			}
			catch (IOException ex) {
				known = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				known = false;
			}
			available = known;
		}
		return known;
	}

	@Override
	public Audio decode(Path file) {
		return new Audio(toFloats(run(file, "pipe:1")), Audio.SAMPLE_RATE);
	}

	/**
	 * Left and right of a recording whose first audio track is stereo, from ffmpeg's
	 * interleaved two-channel output; empty for mono or more than two channels (a
	 * surround mix is one sound field, not a speaker per channel).
	 */
	@Override
	public List<Audio> decodeChannels(Path file) {
		return decodeChannels(file, Double.POSITIVE_INFINITY, this.maxSeconds);
	}

	/**
	 * A recording whose listing gives a longer duration is not decoded at all; one
	 * without a duration is decoded to a second past the limit.
	 */
	@Override
	public List<Audio> decodeChannels(Path file, double maxSeconds) {
		return AudioDecoder.withinLimit(
				decodeChannels(file, maxSeconds, Math.min(this.maxSeconds, StereoChannels.readLimit(maxSeconds))),
				maxSeconds);
	}

	private List<Audio> decodeChannels(Path file, double maxSeconds, double readSeconds) {
		Probe probe = probe(file);
		if (!probe.stereo() || probe.durationSeconds() > StereoChannels.readLimit(maxSeconds)) {
			return List.of();
		}
		float[] interleaved = toFloats(run(file, "pipe:1", 2, readSeconds));
		int frames = interleaved.length / 2;
		float[] left = new float[frames];
		float[] right = new float[frames];
		for (int i = 0; i < frames; i++) {
			left[i] = interleaved[2 * i];
			right[i] = interleaved[2 * i + 1];
		}
		return List.of(new Audio(left, Audio.SAMPLE_RATE), new Audio(right, Audio.SAMPLE_RATE));
	}

	/**
	 * @param stereo whether the first audio track has two channels
	 * @param durationSeconds the container's duration; 0 when it gives none
	 */
	private record Probe(boolean stereo, double durationSeconds) {
	}

	/**
	 * ffmpeg with no output lists the streams on stderr ("Duration: 00:01:05.00, ...",
	 * "Audio: ..., 16000 Hz, stereo, ...").
	 */
	private static Probe probe(Path file) {
		try {
			Process process = new ProcessBuilder(FFMPEG, "-nostdin", "-hide_banner", "-i",
					file.toAbsolutePath().toString())
				.redirectErrorStream(true)
				.start();
			String listing = readAll(process.getInputStream());
			process.waitFor();
			boolean stereo = listing.lines()
				.filter(line -> line.contains("Audio:"))
				.findFirst()
				.map(line -> line.contains(" stereo"))
				.orElse(false);
			return new Probe(stereo, duration(listing));
		}
		catch (IOException ex) {
			return new Probe(false, 0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Probe(false, 0);
		}
	}

	static double duration(String listing) {
		Matcher matcher = DURATION.matcher(listing);
		if (!matcher.find()) {
			return 0;
		}
		return Integer.parseInt(matcher.group(1)) * 3600 + Integer.parseInt(matcher.group(2)) * 60
				+ Double.parseDouble(matcher.group(3));
	}

	/**
	 * Lets ffmpeg write the samples straight to disk: memory stays small however long the
	 * recording.
	 */
	@Override
	public PcmFile decodeToFile(Path file, Path pcm) {
		run(file, pcm.toAbsolutePath().toString());
		return new PcmFile(pcm, Audio.SAMPLE_RATE);
	}

	/**
	 * Runs ffmpeg with 16 kHz mono float output to {@code output}; returns what it wrote
	 * to its standard output.
	 */
	private byte[] run(Path file, String output) {
		return run(file, output, 1, this.maxSeconds);
	}

	private byte[] run(Path file, String output, int channels, double seconds) {
		if (!Files.isRegularFile(file)) {
			throw new AudioDecodingException("The recording file does not exist");
		}
		try {
			if (Files.size(file) == 0) {
				throw new AudioDecodingException("The recording is empty (0 bytes)");
			}
		}
		catch (IOException ex) {
			throw new AudioDecodingException("The recording could not be read", ex);
		}
		List<String> command = List.of(FFMPEG, "-nostdin", "-hide_banner", "-v", "error", "-y", "-i",
				file.toAbsolutePath().toString(), "-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", String.valueOf(channels),
				"-ar", String.valueOf(Audio.SAMPLE_RATE), "-t", String.format(Locale.ROOT, "%.3f", seconds), "-f",
				"f32le", output);
		try {
			Process process = new ProcessBuilder(command).start();
			CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
			byte[] pcm = process.getInputStream().readAllBytes();
			int exit = process.waitFor();
			String stderr = errors.join();
			if (exit != 0) {
				throw new AudioDecodingException(explain(stderr));
			}
			return pcm;
		}
		catch (IOException ex) {
			throw new AudioDecodingException("ffmpeg could not be run: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AudioDecodingException("Decoding was interrupted", ex);
		}
	}

	/** Turns ffmpeg's diagnostics into one line a user understands. */
	static String explain(String stderr) {
		String text = stderr.toLowerCase(Locale.ROOT);
		if (text.contains("matches no streams") || text.contains("does not contain any stream")) {
			return "The file has no audio track";
		}
		if (text.contains("invalid data found") || text.contains("could not find codec")
				|| text.contains("unknown format") || text.contains("failed to find two consecutive mpeg")
				|| text.contains("moov atom not found")) {
			return "The file is not a recognised audio or video format, or it is damaged";
		}
		String first = stderr.lines().filter(line -> !line.isBlank()).findFirst().orElse("unknown error");
		return "The recording could not be decoded: " + first.strip();
	}

	private static float[] toFloats(byte[] pcm) {
		ByteBuffer buffer = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
		float[] samples = new float[pcm.length / 4];
		buffer.asFloatBuffer().get(samples);
		return samples;
	}

	private static String readAll(InputStream in) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
	}

}
