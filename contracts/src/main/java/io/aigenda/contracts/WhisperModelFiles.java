package io.aigenda.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code aigenda models pull} leaves Whisper models: ggml files named as the
 * catalogue names them in the models folder. The whisper-cpp engine loads the most
 * accurate one there when no model file is configured, and the languages list reports
 * from the same files, so both agree on what "a Whisper model is installed" means. Every
 * catalogue model is multilingual.
 */
public final class WhisperModelFiles {

	/** Most accurate first: large-v3-turbo, then small, then base. */
	public static final List<String> BEST_FIRST = List.of("ggml-large-v3-turbo.bin", "ggml-small.bin", "ggml-base.bin");

	private WhisperModelFiles() {
	}

	/**
	 * The most accurate pulled model.
	 * @param modelsFolder the models folder, or {@code null}
	 */
	public static Optional<Path> best(Path modelsFolder) {
		if (modelsFolder == null) {
			return Optional.empty();
		}
		return BEST_FIRST.stream().map(modelsFolder::resolve).filter(Files::isRegularFile).findFirst();
	}

}
