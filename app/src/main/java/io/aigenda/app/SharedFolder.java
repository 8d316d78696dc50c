package io.aigenda.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the folder with the evaluation recordings ({@code eval-dev/}) beside the
 * repository: {@code -Daigenda.shared}, {@code AIGENDA_SHARED}, {@code ../shared} from
 * the working folder, or {@code ../shared} from the installation ({@code AIGENDA_HOME},
 * set by the launcher script).
 */
public final class SharedFolder {

	private SharedFolder() {
	}

	public static Path locate() {
		String property = System.getProperty("aigenda.shared");
		if (property != null && !property.isBlank()) {
			return Path.of(property);
		}
		String variable = System.getenv("AIGENDA_SHARED");
		if (variable != null && !variable.isBlank()) {
			return Path.of(variable);
		}
		Path beside = Path.of("..", "shared");
		if (Files.isDirectory(beside.resolve("eval-dev"))) {
			return beside;
		}
		String home = System.getenv("AIGENDA_HOME");
		if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "..", "shared", "eval-dev"))) {
			return Path.of(home, "..", "shared");
		}
		throw new IllegalArgumentException(
				"Cannot find the shared folder with eval-dev/ (set AIGENDA_SHARED or pass the files to evaluate)");
	}

	/** A folder inside {@code eval-dev}, which must exist. */
	public static Path evalDev(String relative) {
		Path folder = locate().resolve("eval-dev").resolve(relative);
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("No evaluation data in " + folder);
		}
		return folder;
	}

}
