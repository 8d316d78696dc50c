package io.aigenda.asr;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recordings and model files beside the repository ({@code ../shared}), located by a
 * system property.
 */
public final class EvalDev {

	private EvalDev() {
	}

	public static Path shared(String relative) {
		String root = System.getProperty("aigenda.shared");
		assertThat(root).as("system property aigenda.shared (set by surefire)").isNotNull();
		Path path = Path.of(root, relative);
		assertThat(Files.exists(path)).as("%s exists", path).isTrue();
		return path;
	}

}
