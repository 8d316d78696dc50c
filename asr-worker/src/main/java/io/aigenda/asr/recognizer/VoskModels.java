package io.aigenda.asr.recognizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.aigenda.asr.AsrProperties;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.VoskModelFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Vosk models by language, each loaded once on first use and shared (a Vosk model is
 * read-only and thread-safe; recognisers are per call).
 */
final class VoskModels implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(VoskModels.class);

	private final AsrProperties.Vosk settings;

	private final Map<Language, Model> loaded = new ConcurrentHashMap<>();

	VoskModels(AsrProperties.Vosk settings) {
		this.settings = settings;
		// Kaldi logs every model load and decoder step at INFO on stderr.
		LibVosk.setLogLevel(LogLevel.WARNINGS);
	}

	Model forLanguage(Language language) {
		return this.loaded.computeIfAbsent(language, this::load);
	}

	private Model load(Language language) {
		Path folder = folderFor(language);
		if (!Files.isDirectory(folder)) {
			throw new UnsupportedLanguageException("The Vosk model folder for '" + language + "' does not exist: "
					+ folder + " (aigenda.asr.vosk.model-dirs." + language + ")");
		}
		long started = System.nanoTime();
		try {
			Model model = new Model(folder.toString());
			log.info("Loaded the Vosk model for '{}' from {} in {} ms", language, folder,
					(System.nanoTime() - started) / 1_000_000);
			return model;
		}
		catch (IOException ex) {
			throw new UnsupportedLanguageException("The folder " + folder + " is not a Vosk model"
					+ " (aigenda.asr.vosk.model-dirs." + language + ")");
		}
	}

	private Path folderFor(Language language) {
		Path configured = this.settings.modelDirs().get(language.code());
		if (configured != null) {
			return configured;
		}
		// configured folder > pulled model > the bundled English one
		Optional<Path> pulled = VoskModelFolders.pulled(this.settings.modelsDir(), language);
		if (pulled.isPresent()) {
			return pulled.get();
		}
		if (language == Language.EN) {
			return BundledVoskModel.extract(this.settings.cacheDir());
		}
		throw new UnsupportedLanguageException(missingModel(language));
	}

	/**
	 * The problem when no model serves a language, naming the fix: "Russian speech; no
	 * Russian model is installed: ...".
	 */
	static String missingModel(Language language) {
		String name = switch (language) {
			case RU -> "Russian";
			case EN -> "English";
			default -> language.code();
		};
		String example = (language == Language.RU)
				? " (https://alphacephei.com/vosk/models/vosk-model-small-ru-0.22.zip)" : "";
		String pull = (language == Language.RU) ? "run `aigenda models pull vosk-ru`, or " : "";
		return name + " speech; no " + name + " model is installed: " + pull + "unpack a Vosk " + name + " model"
				+ example + " and set aigenda.asr.vosk.model-dirs." + language.code() + " (AIGENDA_ASR_VOSK_MODEL_DIRS_"
				+ language.code().toUpperCase(java.util.Locale.ROOT) + ") to its folder";
	}

	@Override
	public void close() {
		this.loaded.values().forEach(Model::close);
		this.loaded.clear();
	}

}
