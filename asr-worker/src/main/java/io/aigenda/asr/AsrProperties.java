package io.aigenda.asr;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.aigenda.audio.StereoChannels;
import io.aigenda.contracts.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Speech recognition settings ({@code aigenda.asr.*}). The defaults work on one machine
 * with no downloads: Vosk with the English model that ships inside this module.
 *
 * @param engine which recogniser runs: {@code vosk}, {@code whisper-cpp} or
 * {@code openai}
 * @param defaultLanguage language used when a request names none (or {@code auto}) and
 * the engine cannot detect it
 * @param maxChunkSeconds longest piece of audio given to the engine at once; speech is
 * cut only in silences found by the voice activity detector
 * @param vad voice activity detection
 * @param vosk Vosk models
 * @param whisper whisper.cpp model and threads
 * @param signal loudness normalisation, the audio kept around speech, and how many pieces
 * are recognised at once
 * @param readable readable text for engines without casing and punctuation
 * @param openai an OpenAI-compatible transcription server (the {@code openai} engine)
 */
@ConfigurationProperties("aigenda.asr")
public record AsrProperties(@DefaultValue("vosk") Engine engine, @DefaultValue("en") Language defaultLanguage,
		@DefaultValue("30") double maxChunkSeconds, @DefaultValue Vad vad, @DefaultValue Vosk vosk,
		@DefaultValue Whisper whisper, @DefaultValue Signal signal, @DefaultValue Readable readable,
		@DefaultValue OpenAi openai) {

	public AsrProperties {
		engine = (engine != null) ? engine : Engine.VOSK;
		defaultLanguage = (defaultLanguage != null) ? defaultLanguage : Language.EN;
		maxChunkSeconds = (maxChunkSeconds > 0) ? maxChunkSeconds : 30;
		vad = (vad != null) ? vad : new Vad(0.5, 0.25, 0.1, 0.2);
		vosk = (vosk != null) ? vosk : new Vosk(null, null, null);
		whisper = (whisper != null) ? whisper : new Whisper(null, 0);
		signal = (signal != null) ? signal : new Signal(true, 1.5, 0);
		readable = (readable != null) ? readable : new Readable(true, null);
		openai = (openai != null) ? openai : new OpenAi(null, null, null, null);
	}

	/**
	 * The defaults, for use outside Spring (the CLI's {@code eval} and {@code bench}).
	 */
	public static AsrProperties defaults() {
		return new AsrProperties(Engine.VOSK, Language.EN, 30, null, null, null, null, null, null);
	}

	public AsrProperties withEngine(Engine newEngine) {
		return new AsrProperties(newEngine, this.defaultLanguage, this.maxChunkSeconds, this.vad, this.vosk,
				this.whisper, this.signal, this.readable, this.openai);
	}

	public AsrProperties withWhisper(Whisper newWhisper) {
		return new AsrProperties(this.engine, this.defaultLanguage, this.maxChunkSeconds, this.vad, this.vosk,
				newWhisper, this.signal, this.readable, this.openai);
	}

	public AsrProperties withVosk(Vosk newVosk) {
		return new AsrProperties(this.engine, this.defaultLanguage, this.maxChunkSeconds, this.vad, newVosk,
				this.whisper, this.signal, this.readable, this.openai);
	}

	public AsrProperties withReadable(Readable newReadable) {
		return new AsrProperties(this.engine, this.defaultLanguage, this.maxChunkSeconds, this.vad, this.vosk,
				this.whisper, this.signal, newReadable, this.openai);
	}

	public AsrProperties withSignal(Signal newSignal) {
		return new AsrProperties(this.engine, this.defaultLanguage, this.maxChunkSeconds, this.vad, this.vosk,
				this.whisper, newSignal, this.readable, this.openai);
	}

	public AsrProperties withOpenAi(OpenAi newOpenAi) {
		return new AsrProperties(this.engine, this.defaultLanguage, this.maxChunkSeconds, this.vad, this.vosk,
				this.whisper, this.signal, this.readable, newOpenAi);
	}

	public enum Engine {

		/**
		 * Vosk (Kaldi), small English model bundled; other languages from a model folder.
		 */
		VOSK("vosk"),

		/** whisper.cpp through JNI with a ggml model file. */
		WHISPER_CPP("whisper-cpp"),

		/**
		 * An OpenAI-compatible {@code /v1/audio/transcriptions} endpoint (a
		 * faster-whisper server or vLLM on a GPU box, or OpenAI itself).
		 */
		OPENAI("openai");

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
	 * @param modelsDir the models folder {@code aigenda models pull} unpacks into
	 * (default {@code $AIGENDA_MODELS_DIR}, else {@code ./models}); a language with no
	 * folder in {@code modelDirs} uses a model pulled there
	 */
	public record Vosk(Path cacheDir, Map<String, Path> modelDirs, Path modelsDir) {

		@ConstructorBinding
		public Vosk {
			cacheDir = (cacheDir != null) ? cacheDir
					: Path.of(System.getProperty("user.home"), ".cache", "aigenda", "models");
			modelDirs = (modelDirs != null) ? Map.copyOf(modelDirs) : Map.of();
			modelsDir = (modelsDir != null) ? modelsDir : defaultModelsDir();
		}

		public Vosk(Path cacheDir, Map<String, Path> modelDirs) {
			this(cacheDir, modelDirs, null);
		}

		/** Where {@code aigenda models pull} puts models unless told otherwise. */
		static Path defaultModelsDir() {
			String env = System.getenv("AIGENDA_MODELS_DIR");
			return Path.of((env != null && !env.isBlank()) ? env : "models");
		}

	}

	/**
	 * whisper.cpp.
	 *
	 * @param modelPath a ggml model file (for example {@code ggml-base.bin}); without it,
	 * the most accurate Whisper model {@code aigenda models pull} put into the models
	 * directory ({@code AIGENDA_MODELS_DIR}, else {@code ./models})
	 * @param threads CPU threads per recognition; 0 uses all available processors (at
	 * most 8)
	 */
	public record Whisper(Path modelPath, @DefaultValue("0") int threads) {

		public int effectiveThreads() {
			return (this.threads > 0) ? this.threads : Math.min(8, Runtime.getRuntime().availableProcessors());
		}

	}

	/**
	 * What happens to the audio around the engine.
	 *
	 * @param normalizeLoudness bring speech to one loudness before detection and
	 * recognition, so quiet recordings are recognised like loud ones
	 * @param marginSeconds audio kept on each side of detected speech: pauses up to twice
	 * this long stay inside a piece, and pieces are cut in the middle of longer ones
	 * @param threads pieces recognised at once (one recogniser each, one model); 0 uses
	 * every available processor, at most 4
	 * @param splitStereo recognise each channel of a two-channel recording with one
	 * speaker per channel on its own (a mix would put both voices, often at once, into
	 * one stream); ordinary stereo stays a mono mix. Which recordings those are is the
	 * rule the diarization worker applies too ({@link StereoChannels}, with its
	 * {@code aigenda.diarization.channels.*} settings at their defaults)
	 */
	public record Signal(@DefaultValue("true") boolean normalizeLoudness, @DefaultValue("1.5") double marginSeconds,
			@DefaultValue("0") int threads, @DefaultValue("true") boolean splitStereo) {

		@ConstructorBinding
		public Signal {
		}

		public Signal(boolean normalizeLoudness, double marginSeconds, int threads) {
			this(normalizeLoudness, marginSeconds, threads, true);
		}

		public int effectiveThreads() {
			return (this.threads > 0) ? this.threads : Math.min(4, Runtime.getRuntime().availableProcessors());
		}

		/** The stereo call rule these settings turn on or off. */
		public StereoChannels.Settings stereoCall() {
			return StereoChannels.Settings.DEFAULTS.withEnabled(this.splitStereo);
		}

	}

	/**
	 * Readable text for engines without casing and punctuation (Vosk).
	 *
	 * @param enabled write each word's {@code display} form
	 * @param dictionaries folder of the Hunspell dictionaries ({@code en_US.dic},
	 * {@code ru_RU.dic}) whose capitalised entries give proper nouns and acronyms
	 * (default {@code /usr/share/hunspell}; a missing one is skipped)
	 */
	public record Readable(@DefaultValue("true") boolean enabled, Path dictionaries) {

		public Readable {
			dictionaries = (dictionaries != null) ? dictionaries : Path.of("/usr/share/hunspell");
		}

	}

	/**
	 * An OpenAI-compatible transcription server.
	 *
	 * @param baseUrl the API root, up to and including {@code /v1} (for example
	 * {@code http://whisper-server:8000/v1}); required with this engine
	 * @param apiKey sent as a bearer token when set; local servers need none
	 * @param model the model the server should use (for example
	 * {@code Systran/faster-whisper-large-v3} on a faster-whisper server,
	 * {@code whisper-1} at OpenAI)
	 * @param timeout how long one piece of audio (at most {@code max-chunk-seconds}) may
	 * take, upload and answer included; a slower answer counts as a failure worth
	 * retrying
	 */
	public record OpenAi(URI baseUrl, String apiKey, String model, Duration timeout) {

		public OpenAi {
			apiKey = (apiKey != null && !apiKey.isBlank()) ? apiKey : null;
			model = (model != null && !model.isBlank()) ? model : "Systran/faster-whisper-large-v3";
			timeout = (timeout != null && !timeout.isNegative() && !timeout.isZero()) ? timeout
					: Duration.ofSeconds(120);
		}

	}

}
