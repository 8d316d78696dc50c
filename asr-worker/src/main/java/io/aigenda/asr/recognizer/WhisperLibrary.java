package io.aigenda.asr.recognizer;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * whisper.cpp with one loaded model, as the Whisper adapter uses it. On Java 22 and later
 * through whisper.cpp's C API ({@code WhisperNative}, in {@code src/main/java22}): token
 * times, token probabilities and language identification. On Java 21 through
 * whisper-jni's JNI methods ({@link WhisperJniLibrary}): segment times only, no
 * identification.
 */
interface WhisperLibrary extends AutoCloseable {

	/** One token of a segment; times in centiseconds, text as raw UTF-8 bytes. */
	record Token(int id, byte[] text, float probability, long t0, long t1) {
	}

	/**
	 * A segment as whisper.cpp cut it, times in centiseconds; {@code tokens} empty when
	 * the library gives none.
	 */
	record Segment(long t0, long t1, String text, List<Token> tokens) {
	}

	/**
	 * @param segments in time order
	 * @param language the code of the language decoded in ({@code en}, {@code ru}...),
	 * {@code ""} when the library does not tell
	 */
	record Decoded(List<Segment> segments, String language) {
	}

	/** Whether the model knows more languages than English. */
	boolean multilingual();

	/** The model's end-of-text token id; it and every id above are special tokens. */
	int endOfText();

	/**
	 * Whisper's language identification on the first 30 s of {@code samples}.
	 * @return a language code ({@code en}, {@code ru}, {@code de}...), empty when this
	 * library or model cannot identify languages
	 */
	Optional<String> identifyLanguage(float[] samples, int threads);

	/**
	 * Decodes {@code samples} (16 kHz mono).
	 * @param language a code, or {@code auto} for Whisper's choice
	 */
	Decoded transcribe(float[] samples, String language, int threads);

	@Override
	void close();

	/**
	 * The best binding this Java runs: the C API on 22 and later, else JNI.
	 * @throws IllegalStateException when the library or the model cannot be loaded
	 */
	static WhisperLibrary load(Path model) {
		if (Runtime.version().feature() < 22) {
			return new WhisperJniLibrary(model);
		}
		try {
			return (WhisperLibrary) Class.forName("io.aigenda.asr.recognizer.WhisperNative")
				.getDeclaredMethod("load", Path.class)
				.invoke(null, model);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("whisper.cpp could not be started: " + ex.getCause(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("whisper.cpp's C API binding is missing from this build: " + ex, ex);
		}
	}

}
