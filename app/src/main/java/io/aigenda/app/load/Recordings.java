package io.aigenda.app.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoder;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.WavWriter;

/**
 * The real recordings a load run sends: every recording under a folder (the evaluation
 * set), and short clips cut from them one after another, written as 16 kHz mono WAV
 * files.
 */
final class Recordings {

	private static final List<String> AUDIO = List.of(".wav", ".flac", ".mp3", ".ogg", ".m4a");

	private Recordings() {
	}

	/** Every recording under {@code folder}, in a stable order. */
	static List<Path> under(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			List<Path> found = files.filter(Files::isRegularFile)
				.filter(file -> AUDIO.stream()
					.anyMatch(ext -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)))
				.sorted()
				.toList();
			if (found.isEmpty()) {
				throw new IllegalArgumentException("No recordings under " + folder);
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@code count} clips of {@code seconds} each, cut in turn from each recording at
	 * successive offsets (wrapping around); clips that would be identical are written
	 * once.
	 */
	static List<Clip> clips(List<Path> recordings, int count, double seconds, Path folder) {
		if (count == 0) {
			return List.of();
		}
		AudioDecoder decoder = AudioDecoders.detect();
		List<Audio> decoded = new ArrayList<>();
		for (Path recording : recordings) {
			Audio audio = decoder.decode(recording);
			if (audio.durationSeconds() >= seconds) {
				decoded.add(audio);
			}
		}
		if (decoded.isEmpty()) {
			throw new IllegalArgumentException("No recording is longer than a clip of " + seconds + " s");
		}
		List<Clip> clips = new ArrayList<>(count);
		try {
			Files.createDirectories(folder);
			for (int i = 0; i < count; i++) {
				int source = i % decoded.size();
				Audio audio = decoded.get(source);
				int slots = (int) Math.floor(audio.durationSeconds() / seconds);
				int slot = (i / decoded.size()) % slots;
				Path file = folder.resolve(String.format(Locale.ROOT, "clip-%d-%d.wav", source, slot));
				if (!Files.exists(file)) {
					WavWriter.write(audio.slice(slot * seconds, (slot + 1) * seconds), file);
				}
				clips.add(new Clip(file, seconds));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write clips to " + folder + ": " + ex.getMessage(), ex);
		}
		return clips;
	}

	record Clip(Path file, double seconds) {
	}

}
