package io.aigenda.asr.recognizer;

import java.nio.file.Path;
import java.util.Optional;

import io.aigenda.contracts.WhisperModelFiles;

/**
 * The ggml Whisper model {@code aigenda models pull} put into the models directory, for
 * the whisper-cpp engine when no model file is configured: the most accurate one there
 * ({@link WhisperModelFiles}: large-v3-turbo, then small, then base).
 */
final class PulledWhisperModels {

	private PulledWhisperModels() {
	}

	/** The models directory as {@code aigenda models} uses it. */
	static Path directory() {
		String configured = System.getenv("AIGENDA_MODELS_DIR");
		return Path.of((configured != null && !configured.isBlank()) ? configured : "models");
	}

	static Optional<Path> best(Path directory) {
		return WhisperModelFiles.best(directory);
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
