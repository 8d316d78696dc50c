package io.aigenda.backend.language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.VoskModelFolders;
import io.aigenda.contracts.WhisperModelFiles;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/languages}: the spoken languages this installation can transcribe
 * now, and for each of the others what fixes it. English is always there (the Vosk model
 * that ships with the build). Another language is there when
 * {@code aigenda.languages.installed} names it (a cluster whose workers have the model),
 * or when the speech recognition settings this service sees give it a model:
 * {@code aigenda.asr.vosk.model-dirs.<code>} naming a folder, a Vosk model for it pulled
 * into the models folder ({@code aigenda.asr.vosk.models-dir}, else
 * {@code $AIGENDA_MODELS_DIR}, else {@code ./models}), the whisper.cpp engine with a
 * model file configured or pulled into the models folder, or the {@code openai} engine
 * with a server to send to (Whisper is multilingual; a language the server's model does
 * not speak still fails the step with a clear problem, never with words).
 */
@RestController
@RequestMapping("/api/v1/languages")
class Languages {

	static final String RUSSIAN_FIX = "run `aigenda models pull vosk-ru`, or download and unpack a Vosk Russian "
			+ "model (https://alphacephei.com/vosk/models/vosk-model-small-ru-0.22.zip) and set "
			+ "AIGENDA_ASR_VOSK_MODEL_DIRS_RU to its folder, or run `aigenda models pull whisper-small` and use "
			+ "the whisper-cpp engine";

	private final Environment environment;

	Languages(Environment environment) {
		this.environment = environment;
	}

	@GetMapping
	Answer languages() {
		List<Available> languages = new ArrayList<>();
		for (Language language : Language.values()) {
			if (language == Language.AUTO) {
				continue;
			}
			boolean available = available(language);
			languages.add(new Available(language.code(), available, available ? null : fix(language)));
		}
		return new Answer(languages);
	}

	boolean available(Language language) {
		String installed = this.environment.getProperty("aigenda.languages.installed", "");
		for (String code : installed.split(",")) {
			if (code.strip().toLowerCase(Locale.ROOT).equals(language.code())) {
				return true;
			}
		}
		if (language == Language.EN) {
			return true;
		}
		String folder = this.environment.getProperty("aigenda.asr.vosk.model-dirs." + language.code());
		if (folder != null && Files.isDirectory(Path.of(folder))) {
			return true;
		}
		// the same folder and the same rule the recogniser uses for a pulled model
		String models = this.environment
			.resolvePlaceholders("${aigenda.asr.vosk.models-dir:${AIGENDA_MODELS_DIR:models}}");
		if (VoskModelFolders.pulled(Path.of(models), language).isPresent()) {
			return true;
		}
		return whisperServes();
	}

	private boolean whisperServes() {
		String engine = this.environment.getProperty("aigenda.asr.engine", "");
		if ("openai".equals(engine)) {
			return !this.environment.getProperty("aigenda.asr.openai.base-url", "").isBlank();
		}
		if (!"whisper-cpp".equals(engine)) {
			return false;
		}
		String whisper = this.environment.getProperty("aigenda.asr.whisper.model-path", "");
		if (!whisper.isBlank()) {
			return Files.isRegularFile(Path.of(whisper));
		}
		// the engine loads the best pulled model when none is configured
		return WhisperModelFiles.best(Path.of(this.environment.resolvePlaceholders("${AIGENDA_MODELS_DIR:models}")))
			.isPresent();
	}

	static String fix(Language language) {
		return (language == Language.RU) ? RUSSIAN_FIX : "set AIGENDA_ASR_VOSK_MODEL_DIRS_"
				+ language.code().toUpperCase(Locale.ROOT) + " to the folder of a Vosk model for it";
	}

	record Answer(List<Available> languages) {
	}

	/**
	 * @param fix what makes the language available, {@code null} when it is
	 */
	record Available(String code, boolean available, String fix) {
	}

}
