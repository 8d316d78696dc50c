package io.aigenda.asr.recognizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * whisper.cpp through whisper-jni's JNI methods, for Java 21 where the C API binding
 * cannot run: whisper-jni 1.7.1 exposes segment times and text but neither tokens nor the
 * language it identified.
 */
final class WhisperJniLibrary implements WhisperLibrary {

	private static final Logger log = LoggerFactory.getLogger(WhisperJniLibrary.class);

	private static boolean libraryLoaded;

	private final WhisperJNI whisper;

	private final WhisperContext context;

	private boolean closed;

	WhisperJniLibrary(Path model) {
		loadLibrary();
		this.whisper = new WhisperJNI();
		try {
			this.context = this.whisper.init(model);
		}
		catch (IOException ex) {
			throw new IllegalStateException("whisper.cpp could not load the model " + model + ": " + ex.getMessage(),
					ex);
		}
	}

	private static synchronized void loadLibrary() {
		if (!libraryLoaded) {
			try {
				WhisperJNI.loadLibrary(log::debug);
				if (Runtime.version().feature() < 22) {
					// whisper.cpp's own log lines go to debug instead of stderr. Not
					// where
					// the C API binding may run in the same process: this JNI callback
					// crashes when whisper.cpp logs during a call that did not come
					// through
					// JNI
					WhisperJNI.setLibraryLogger(log::debug);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"The whisper.cpp native library could not be loaded: " + ex.getMessage(), ex);
			}
			libraryLoaded = true;
		}
	}

	@Override
	public boolean multilingual() {
		return this.whisper.isMultilingual(this.context);
	}

	@Override
	public int endOfText() {
		return Integer.MAX_VALUE;
	}

	@Override
	public Optional<String> identifyLanguage(float[] samples, int threads) {
		return Optional.empty();
	}

	@Override
	public synchronized Decoded transcribe(float[] samples, String language, int threads) {
		if (this.closed) {
			throw new IllegalStateException("The whisper.cpp engine is closed");
		}
		WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
		params.nThreads = threads;
		params.language = language;
		params.printProgress = false;
		params.printRealtime = false;
		params.printTimestamps = false;
		params.printSpecial = false;
		params.suppressBlank = true;
		params.suppressNonSpeechTokens = true;
		// each piece is recognised on its own: earlier text must not steer (or loop into)
		// the next
		params.noContext = true;
		int status = this.whisper.full(this.context, params, samples, samples.length);
		if (status != 0) {
			throw new RecognitionException("whisper.cpp failed on the audio (status " + status + ")");
		}
		List<Segment> segments = new ArrayList<>();
		int count = this.whisper.fullNSegments(this.context);
		for (int i = 0; i < count; i++) {
			segments.add(new Segment(this.whisper.fullGetSegmentTimestamp0(this.context, i),
					this.whisper.fullGetSegmentTimestamp1(this.context, i),
					this.whisper.fullGetSegmentText(this.context, i), List.of()));
		}
		return new Decoded(List.copyOf(segments), "auto".equals(language) ? "" : language);
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.whisper.free(this.context);
		}
	}

}
