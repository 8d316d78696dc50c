package io.aigenda.asr.recognizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The ggml Whisper model {@code aigenda models pull} put into the models directory, for
 * the whisper-cpp engine when no model file is configured: the most accurate one there
 * (large-v3-turbo, then small, then base; the file names of the catalog).
 */
final class PulledWhisperModels {

	static final List<String> BEST_FIRST = List.of("ggml-large-v3-turbo.bin", "ggml-small.bin", "ggml-base.bin");

	private PulledWhisperModels() {
	}

	/** The models directory as {@code aigenda models} uses it. */
	static Path directory() {
		String configured = System.getenv("AIGENDA_MODELS_DIR");
		return Path.of((configured != null && !configured.isBlank()) ? configured : "models");
	}

	static Optional<Path> best(Path directory) {
		return BEST_FIRST.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst();
	}

	/** The model to use: the configured one, else the best pulled one. */
	static Path resolve(Path configured, Path directory) {
		if (configured != null) {
			return configured;
		}
		return best(directory).orElseThrow(() -> new IllegalStateException(
				"The whisper-cpp engine needs a ggml model: run `aigenda models pull whisper-base` (into "
						+ directory.toAbsolutePath() + ") or set aigenda.asr.whisper.model-path"));
	}

}
