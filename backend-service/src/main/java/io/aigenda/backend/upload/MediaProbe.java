package io.aigenda.backend.upload;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.aigenda.backend.BackendProperties;
import io.aigenda.backend.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks with ffprobe and ffmpeg, when they are on the PATH, that a recording really
 * decodes. ffprobe alone trusts headers (a 2 KB piece of an MP3 still declares its full
 * length), so the audio is decoded to nowhere and the decodable length compared with the
 * declared one.
 */
@Component
class MediaProbe {

	private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);

	/**
	 * Less than this share of the declared length decodable means the file is cut off.
	 */
	private static final double MIN_DECODABLE_SHARE = 0.5;

	private static final long TIMEOUT_MINUTES = 10;

	/**
	 * Telephone audio at the low end, studio masters at the high end; beyond is a forged
	 * header.
	 */
	private static final int MIN_SAMPLE_RATE = 4000;

	private static final int MAX_SAMPLE_RATE = 384_000;

	private final boolean enabled;

	private final Duration maxDuration;

	private final JsonMapper json;

	MediaProbe(BackendProperties properties, JsonMapper json) {
		this.json = json;
		this.maxDuration = properties.upload().maxDuration();
		this.enabled = properties.upload().probe() && onPath("ffprobe") && onPath("ffmpeg");
		if (!this.enabled) {
			log.info("Recordings are checked by their first bytes only (ffprobe/ffmpeg not used)");
		}
	}

	boolean enabled() {
		return this.enabled;
	}

	/**
	 * Probes a local file or an HTTP URL. Returns the decodable duration in seconds,
	 * empty when probing is off.
	 * @throws UndecodableRecordingException when the audio cannot be used
	 */
	Optional<Double> probe(String input) {
		if (!this.enabled) {
			return Optional.empty();
		}
		Result probe = run(List.of("ffprobe", "-v", "error", "-select_streams", "a", "-show_entries",
				"stream=codec_type,sample_rate,channels:format=duration", "-of", "json", input));
		if (probe.exitCode() != 0) {
			throw new UndecodableRecordingException("The recording cannot be read as audio");
		}
		JsonNode root = this.json.readTree(probe.output());
		if (!root.path("streams").isArray() || root.path("streams").isEmpty()) {
			throw new UndecodableRecordingException("The recording has no audio track");
		}
		JsonNode audio = root.path("streams").get(0);
		double sampleRate = parse(audio.path("sample_rate").asString(""));
		// a container that does not say (0) is left to the decoder
		if (sampleRate > 0 && (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE)) {
			throw new UndecodableRecordingException(String.format(java.util.Locale.ROOT,
					"The recording's sample rate of %.0f Hz is not a sound recording's (%d to %d Hz)", sampleRate,
					MIN_SAMPLE_RATE, MAX_SAMPLE_RATE));
		}
		double declared = parse(root.path("format").path("duration").asString(""));
		// refused before decoding: hours of audio would take minutes to decode just to be
		// refused
		requireWithinLimit(declared);
		Result decode = run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", input, "-map", "0:a:0", "-f", "null",
				"-progress", "pipe:1", "-"));
		if (decode.exitCode() != 0) {
			throw new UndecodableRecordingException("The recording's audio cannot be decoded");
		}
		double decoded = decode.output()
			.lines()
			.filter(line -> line.startsWith("out_time_us="))
			.map(line -> parse(line.substring("out_time_us=".length())) / 1_000_000)
			.reduce((first, second) -> second)
			.orElse(0.0);
		if (decoded <= 0) {
			throw new UndecodableRecordingException("The recording contains no decodable audio");
		}
		if (declared > 0 && decoded < declared * MIN_DECODABLE_SHARE) {
			throw new UndecodableRecordingException(String.format(java.util.Locale.ROOT,
					"The recording is truncated: only %.1f s of %.1f s decode", decoded, declared));
		}
		requireWithinLimit(decoded);
		return Optional.of(decoded);
	}

	private void requireWithinLimit(double seconds) {
		if (seconds > this.maxDuration.toSeconds()) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "recording-too-long", "The recording lasts "
					+ clock(seconds) + "; at most " + clock(this.maxDuration.toSeconds()) + " is accepted");
		}
	}

	private static String clock(double seconds) {
		long s = (long) seconds;
		return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
	}

	private static Result run(List<String> command) {
		Path errors = null;
		try {
			errors = Files.createTempFile("aigenda-probe", ".log");
			Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
			process.getOutputStream().close();
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
			if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new UndecodableRecordingException("Checking the recording took too long");
			}
			return new Result(process.exitValue(), output.join());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checking the recording", ex);
		}
		finally {
			if (errors != null) {
				errors.toFile().delete();
			}
		}
	}

	private static String readAll(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static double parse(String text) {
		try {
			return Double.parseDouble(text.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static boolean onPath(String tool) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
				return true;
			}
		}
		return false;
	}

	private record Result(int exitCode, String output) {
	}

}
