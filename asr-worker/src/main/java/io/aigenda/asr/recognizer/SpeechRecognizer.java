package io.aigenda.asr.recognizer;

import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;

/**
 * The port every speech recognition engine implements: 16 kHz mono audio in, words with
 * times and confidences out. One adapter is active at a time, chosen by
 * {@code aigenda.asr.engine}.
 */
public interface SpeechRecognizer extends AutoCloseable {

	/** The engine's name as stored in transcripts ({@code vosk}, {@code whisper-cpp}). */
	String engine();

	/**
	 * The language this engine will actually use for a requested one: the request itself,
	 * or for {@link Language#AUTO} either {@link Language#AUTO} (the engine detects it)
	 * or a configured default.
	 */
	Language resolveLanguage(Language requested);

	/**
	 * Recognises one piece of audio (typically up to 30 s of speech).
	 * @param audio 16 kHz mono samples
	 * @param language a language from {@link #resolveLanguage(Language)}
	 * @return words in time order, times in seconds from the start of {@code audio}, no
	 * speaker
	 * @throws UnsupportedLanguageException when there is no model for the language
	 */
	List<Word> recognize(Audio audio, Language language);

	/**
	 * The language spoken in this audio, by the engine's own language identification
	 * (Whisper), for requests that leave the language to the platform.
	 * @param audio 16 kHz mono samples, typically the first piece of speech
	 * @return the language, or {@link Language#AUTO} when the engine cannot identify
	 * languages
	 * @throws UnsupportedLanguageException when the speech is in a language the platform
	 * does not transcribe
	 */
	default Language identifyLanguage(Audio audio) {
		return Language.AUTO;
	}

	/**
	 * Whether {@link #recognize} may run on several pieces at once with one loaded model,
	 * each call on a core of its own. Engines that use every core themselves say no.
	 */
	default boolean recognizesConcurrently() {
		return false;
	}

	/**
	 * Whether the words come cased and punctuated as people write them (Whisper); if not,
	 * the transcriber adds a readable form.
	 */
	default boolean writesReadableText() {
		return false;
	}

	/** Frees the engine's native memory. */
	@Override
	void close();

}
