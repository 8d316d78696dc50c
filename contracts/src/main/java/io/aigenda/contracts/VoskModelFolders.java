package io.aigenda.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code aigenda models pull} leaves Vosk models: unpacked folders named as
 * alphacephei names them ({@code vosk-model-small-ru-0.22}, {@code vosk-model-ru-0.42})
 * in the models folder. The speech recogniser loads from here and the languages list
 * reports from here, so both agree on what "a Russian model is installed" means.
 */
public final class VoskModelFolders {

	private VoskModelFolders() {
	}

	/**
	 * The pulled model for a language: a folder {@code vosk-model[-small]-<code>-...}
	 * holding an acoustic model. A full model wins over a small one (whoever pulled the
	 * large download wants its accuracy), then the later version. Folders still being
	 * unpacked start with a dot and never match.
	 * @param modelsFolder the models folder, or {@code null}
	 */
	public static Optional<Path> pulled(Path modelsFolder, Language language) {
		if (modelsFolder == null || language == Language.AUTO || !Files.isDirectory(modelsFolder)) {
			return Optional.empty();
		}
		String full = "vosk-model-" + language.code() + "-";
		String small = "vosk-model-small-" + language.code() + "-";
		try (Stream<Path> children = Files.list(modelsFolder)) {
			return children.filter(folder -> {
				String name = folder.getFileName().toString();
				return (name.startsWith(full) || name.startsWith(small))
						&& Files.isRegularFile(folder.resolve("am").resolve("final.mdl"));
			})
				.max(Comparator.comparing((Path folder) -> !folder.getFileName().toString().startsWith(small))
					.thenComparing(folder -> folder.getFileName().toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the models folder " + modelsFolder, ex);
		}
	}

}
