package io.aigenda.audio;

import java.nio.file.Files;
import java.nio.file.Path;

final class EvalDev {

	private EvalDev() {
	}

	static Path file(String relative) {
		Path path = Path.of(System.getProperty("aigenda.shared", "../../shared"), "eval-dev", relative);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException("Missing eval-dev file " + path.toAbsolutePath());
		}
		return path;
	}

}
