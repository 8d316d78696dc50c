package io.aigenda.asr.recognizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.aigenda.audio.Audio;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * whisper.cpp through whisper-jni with a ggml model file. whisper-jni 1.7.1 exposes
 * segment times but neither token times nor token probabilities, so word times are spread
 * over each segment in proportion to word length, and confidence is reported as 1.
 */
final class WhisperCppSpeechRecognizer implements SpeechRecognizer {

	static final String ENGINE = "whisper-cpp";

	// whisper.cpp skips input shorter than one second; short utterances are padded with
	// silence.
	private static final int MIN_SAMPLES = Audio.SAMPLE_RATE + Audio.SAMPLE_RATE / 10;

	private static final double CENTISECONDS = 100.0;

	private static final Logger log = LoggerFactory.getLogger(WhisperCppSpeechRecognizer.class);

	private static boolean libraryLoaded;

	private final WhisperJNI whisper;

	private final WhisperContext context;

	private final int threads;

	private boolean closed;

	WhisperCppSpeechRecognizer(Path modelPath, int threads) {
		if (modelPath == null) {
			throw new IllegalStateException(
					"The whisper-cpp engine needs a ggml model file: set aigenda.asr.whisper.model-path");
		}
		if (!Files.isRegularFile(modelPath)) {
			throw new IllegalStateException(
					"The whisper.cpp model file does not exist: " + modelPath + " (aigenda.asr.whisper.model-path)");
		}
		loadLibrary();
		this.whisper = new WhisperJNI();
		try {
			this.context = this.whisper.init(modelPath);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"whisper.cpp could not load the model " + modelPath + ": " + ex.getMessage(), ex);
		}
		this.threads = threads;
	}

	private static synchronized void loadLibrary() {
		if (!libraryLoaded) {
			try {
				// whisper.cpp's own log lines go to debug instead of stderr
				WhisperJNI.loadLibrary(log::debug);
				WhisperJNI.setLibraryLogger(log::debug);
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"The whisper.cpp native library could not be loaded: " + ex.getMessage(), ex);
			}
			libraryLoaded = true;
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

	@Override
	public List<Word> recognize(Audio audio, Language language) {
		float[] samples = audio.samples();
		if (samples.length < MIN_SAMPLES) {
			samples = Arrays.copyOf(samples, MIN_SAMPLES);
		}
		WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
		params.nThreads = this.threads;
		params.language = language.code();
		params.printProgress = false;
		params.printRealtime = false;
		params.printTimestamps = false;
		params.printSpecial = false;
		params.suppressBlank = true;
		params.suppressNonSpeechTokens = true;
		// Each chunk is recognised on its own, so earlier text must not steer (or loop
		// into) the next.
		params.noContext = true;
		List<Word> words = new ArrayList<>();
		double limit = audio.durationSeconds();
		// One context holds one decoding state; calls on it must not overlap.
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("The whisper.cpp engine is closed");
			}
			int status = this.whisper.full(this.context, params, samples, samples.length);
			if (status != 0) {
				throw new RecognitionException("whisper.cpp failed on the audio (status " + status + ")");
			}
			int segments = this.whisper.fullNSegments(this.context);
			for (int i = 0; i < segments; i++) {
				double start = this.whisper.fullGetSegmentTimestamp0(this.context, i) / CENTISECONDS;
				double end = this.whisper.fullGetSegmentTimestamp1(this.context, i) / CENTISECONDS;
				String text = this.whisper.fullGetSegmentText(this.context, i);
				words.addAll(SegmentWords.split(text, Math.min(start, limit), Math.min(end, limit)));
			}
		}
		return words;
	}

	/** Idempotent: the transcriber and the Spring context may both close the engine. */
	/** Whisper writes cased, punctuated text itself. */
	@Override
	public boolean writesReadableText() {
		return true;
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.whisper.free(this.context);
		}
	}

}
