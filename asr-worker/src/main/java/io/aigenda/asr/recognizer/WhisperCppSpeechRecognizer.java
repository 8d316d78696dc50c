package io.aigenda.asr.recognizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.aigenda.audio.Audio;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * whisper.cpp with a ggml model file, through its C API ({@link WhisperNative}) on the
 * library whisper-jni ships. Word times come from whisper.cpp's token timestamps, word
 * confidences from token probabilities; with {@code auto}, Whisper's own language
 * identification decides the language, and one the platform does not serve fails the step
 * instead of giving words.
 */
final class WhisperCppSpeechRecognizer implements SpeechRecognizer {

	static final String ENGINE = "whisper-cpp";

	// whisper.cpp skips input shorter than one second; short utterances are padded with
	// silence.
	private static final int MIN_SAMPLES = Audio.SAMPLE_RATE + Audio.SAMPLE_RATE / 10;

	private static final Logger log = LoggerFactory.getLogger(WhisperCppSpeechRecognizer.class);

	private final WhisperLibrary whisper;

	private final int threads;

	WhisperCppSpeechRecognizer(Path modelPath, int threads) {
		if (modelPath == null) {
			throw new IllegalStateException(
					"The whisper-cpp engine needs a ggml model file: set aigenda.asr.whisper.model-path");
		}
		if (!Files.isRegularFile(modelPath)) {
			throw new IllegalStateException(
					"The whisper.cpp model file does not exist: " + modelPath + " (aigenda.asr.whisper.model-path)");
		}
		this.whisper = WhisperLibrary.load(modelPath);
		this.threads = threads;
		if (!this.whisper.multilingual()) {
			log.info("{} is an English-only Whisper model: speech is transcribed as English", modelPath);
		}
	}

	@Override
	public String engine() {
		return ENGINE;
	}

	/** whisper.cpp detects the language itself when asked for "auto". */
	@Override
	public Language resolveLanguage(Language requested) {
		return Objects.requireNonNullElse(requested, Language.AUTO);
	}

	/**
	 * Whisper's language identification (one encoder pass and one decoder step). An
	 * English-only model cannot identify languages and writes English.
	 */
	@Override
	public Language identifyLanguage(Audio audio) {
		if (!this.whisper.multilingual()) {
			return Language.EN;
		}
		Optional<String> code = this.whisper.identifyLanguage(padded(audio), this.threads);
		return code.map(WhisperLanguages::toPlatform).orElse(Language.AUTO);
	}

	@Override
	public List<Word> recognize(Audio audio, Language language) {
		boolean auto = language == null || language == Language.AUTO;
		WhisperLibrary.Decoded decoded = this.whisper.transcribe(padded(audio), auto ? "auto" : language.code(),
				this.threads);
		if (auto && this.whisper.multilingual()) {
			// Whisper chose the language of this piece: one nobody serves gives no words
			// (empty when the binding does not tell)
			WhisperLanguages.toPlatform(decoded.language());
		}
		return TokenWords.words(decoded.segments(), this.whisper.endOfText(), audio.durationSeconds());
	}

	private static float[] padded(Audio audio) {
		float[] samples = audio.samples();
		return (samples.length < MIN_SAMPLES) ? Arrays.copyOf(samples, MIN_SAMPLES) : samples;
	}

	/** Whisper writes cased, punctuated text itself. */
	@Override
	public boolean writesReadableText() {
		return true;
	}

	/** Idempotent: the transcriber and the Spring context may both close the engine. */
	@Override
	public void close() {
		this.whisper.close();
	}

}
