package io.aigenda.asr;

import java.nio.file.Path;
import java.util.Map;

import io.aigenda.contracts.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Speech recognition settings ({@code aigenda.asr.*}). The defaults work on one machine
 * with no downloads: Vosk with the English model that ships inside this module.
 *
 * @param engine which recogniser runs: {@code vosk} or {@code whisper-cpp}
 * @param defaultLanguage language used when a request names none (or {@code auto}) and
 * the engine cannot detect it
 * @param maxChunkSeconds longest piece of audio given to the engine at once; speech is
 * cut only in silences found by the voice activity detector
 * @param vad voice activity detection
 * @param vosk Vosk models
 * @param whisper whisper.cpp model and threads
 */
@ConfigurationProperties("aigenda.asr")
public record AsrProperties(@DefaultValue("vosk") Engine engine, @DefaultValue("en") Language defaultLanguage,
		@DefaultValue("30") double maxChunkSeconds, @DefaultValue Vad vad, @DefaultValue Vosk vosk,
		@DefaultValue Whisper whisper) {

	public AsrProperties {
		engine = (engine != null) ? engine : Engine.VOSK;
		defaultLanguage = (defaultLanguage != null) ? defaultLanguage : Language.EN;
		maxChunkSeconds = (maxChunkSeconds > 0) ? maxChunkSeconds : 30;
		vad = (vad != null) ? vad : new Vad(0.5, 0.25, 0.1, 0.2);
		vosk = (vosk != null) ? vosk : new Vosk(null, null);
		whisper = (whisper != null) ? whisper : new Whisper(null, 0);
	}

	/**
	 * The defaults, for use outside Spring (the CLI's {@code eval} and {@code bench}).
	 */
	public static AsrProperties defaults() {
		return new AsrProperties(Engine.VOSK, Language.EN, 30, null, null, null);
	}

	public AsrProperties withEngine(Engine newEngine) {
		return new AsrProperties(newEngine, this.defaultLanguage, this.maxChunkSeconds, this.vad, this.vosk,
				this.whisper);
	}

	public AsrProperties withWhisper(Whisper newWhisper) {
		return new AsrProperties(this.engine, this.defaultLanguage, this.maxChunkSeconds, this.vad, this.vosk,
				newWhisper);
	}

	public AsrProperties withVosk(Vosk newVosk) {
		return new AsrProperties(this.engine, this.defaultLanguage, this.maxChunkSeconds, this.vad, newVosk,
				this.whisper);
	}

	public enum Engine {

		/**
		 * Vosk (Kaldi), small English model bundled; other languages from a model folder.
		 */
		VOSK("vosk"),

		/** whisper.cpp through JNI with a ggml model file. */
		WHISPER_CPP("whisper-cpp");

		private final String id;

		Engine(String id) {
			this.id = id;
		}

		/** The name used in configuration and in stored transcripts. */
		public String id() {
			return this.id;
		}

	}

	/**
	 * Silero voice activity detection.
	 *
	 * @param threshold speech probability above which a 32 ms frame is speech
	 * @param minSpeechSeconds shorter speech is dropped
	 * @param minSilenceSeconds shorter pauses do not split speech
	 * @param padSeconds added around each speech region. Wider than Silero's own 30 ms:
	 * soft word onsets and unvoiced consonants score below the threshold, and a clipped
	 * onset costs the recogniser the whole word
	 */
	public record Vad(@DefaultValue("0.5") double threshold, @DefaultValue("0.25") double minSpeechSeconds,
			@DefaultValue("0.1") double minSilenceSeconds, @DefaultValue("0.2") double padSeconds) {
	}

	/**
	 * Vosk models.
	 *
	 * @param cacheDir where the bundled English model is extracted on first use (default
	 * {@code ~/.cache/aigenda/models})
	 * @param modelDirs model folder per language ({@code en}, {@code ru}...); {@code en}
	 * defaults to the bundled model, other languages need a model an operator downloaded
	 */
	public record Vosk(Path cacheDir, Map<String, Path> modelDirs) {

		public Vosk {
			cacheDir = (cacheDir != null) ? cacheDir
					: Path.of(System.getProperty("user.home"), ".cache", "aigenda", "models");
			modelDirs = (modelDirs != null) ? Map.copyOf(modelDirs) : Map.of();
		}

	}

	/**
	 * whisper.cpp.
	 *
	 * @param modelPath a ggml model file (for example {@code ggml-base.bin}); required
	 * with this engine
	 * @param threads CPU threads per recognition; 0 uses all available processors (at
	 * most 8)
	 */
	public record Whisper(Path modelPath, @DefaultValue("0") int threads) {

		public int effectiveThreads() {
			return (this.threads > 0) ? this.threads : Math.min(8, Runtime.getRuntime().availableProcessors());
		}

	}

}
