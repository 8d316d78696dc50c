package io.aigenda.asr.recognizer;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.givimad.whisperjni.WhisperJNI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * whisper.cpp's C API through the Foreign Function &amp; Memory API, on the native
 * library that whisper-jni bundles and loads. whisper-jni's JNI surface gives segment
 * times only; the C library underneath also has token times ({@code token_timestamps}),
 * token probabilities and the language it identified, which this class reads.
 * <p>
 * Two structures go by value: {@code whisper_context_params} and
 * {@code whisper_full_params} of whisper.cpp 1.7.1, the version whisper-jni 1.7.1 ships.
 * Only the fields set here are addressed, at offsets checked at start against the
 * library's own defaults, so a library of another layout is refused with a clear message
 * instead of misreading memory. One context holds one decoding state: calls are
 * serialised.
 */
final class WhisperNative implements WhisperLibrary {

	private static final Logger log = LoggerFactory.getLogger(WhisperNative.class);

	// whisper.cpp 1.7.1 sizes on 64-bit targets; by value, only size and alignment matter
	private static final StructLayout FULL_PARAMS = MemoryLayout
		.structLayout(MemoryLayout.sequenceLayout(33, JAVA_LONG));

	private static final StructLayout CONTEXT_PARAMS = MemoryLayout
		.structLayout(MemoryLayout.sequenceLayout(6, JAVA_LONG));

	private static final StructLayout TOKEN_DATA = MemoryLayout.structLayout(MemoryLayout.sequenceLayout(7, JAVA_LONG));

	// whisper_full_params offsets
	private static final long N_THREADS = 4;

	private static final long NO_CONTEXT = 21;

	private static final long PRINT_PROGRESS = 25;

	private static final long PRINT_REALTIME = 26;

	private static final long PRINT_TIMESTAMPS = 27;

	private static final long TOKEN_TIMESTAMPS = 28;

	private static final long THOLD_PT = 32;

	private static final long LANGUAGE = 96;

	private static final long DETECT_LANGUAGE = 104;

	private static final long SUPPRESS_BLANK = 105;

	private static final long SUPPRESS_NON_SPEECH = 106;

	private static final long MAX_INITIAL_TS = 112;

	private static final long ENTROPY_THOLD = 124;

	private static final long NO_SPEECH_THOLD = 132;

	private static final long GRAMMAR_PENALTY = 256;

	// whisper_context_params offsets
	private static final long USE_GPU = 0;

	private static final long DTW_MEM_SIZE = 40;

	// whisper_token_data offsets
	private static final long TOKEN_ID = 0;

	private static final long TOKEN_P = 8;

	private static final long TOKEN_T0 = 24;

	private static final long TOKEN_T1 = 32;

	private static final int GREEDY = 0;

	private static Api api;

	private final MemorySegment context;

	private final int endOfText;

	private final boolean multilingual;

	private boolean closed;

	private WhisperNative(MemorySegment context) throws Throwable {
		this.context = context;
		this.endOfText = (int) api.tokenEot.invokeExact(context);
		this.multilingual = ((int) api.isMultilingual.invokeExact(context)) != 0;
	}

	/**
	 * Loads the library (once) and the model.
	 * @throws IllegalStateException when the library cannot be used or the model not read
	 */
	static WhisperNative load(Path model) {
		Api bound = bind();
		try (Arena call = Arena.ofConfined()) {
			MemorySegment defaults = ((MemorySegment) bound.contextDefaults.invokeExact())
				.reinterpret(CONTEXT_PARAMS.byteSize());
			MemorySegment params = call.allocate(CONTEXT_PARAMS);
			params.copyFrom(defaults);
			bound.freeContextParams.invokeExact(defaults);
			// this build of the library has no GPU back end; say so instead of probing
			params.set(JAVA_BYTE, USE_GPU, (byte) 0);
			MemorySegment context = (MemorySegment) bound.initFromFile.invokeExact(call.allocateFrom(model.toString()),
					params);
			if (context.equals(MemorySegment.NULL)) {
				throw new IllegalStateException("whisper.cpp could not load the model " + model
						+ " (not a ggml Whisper model?) (aigenda.asr.whisper.model-path)");
			}
			return new WhisperNative(context);
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("whisper.cpp could not load the model " + model + ": " + ex, ex);
		}
	}

	private static synchronized Api bind() {
		if (api == null) {
			try {
				// not whisper-jni's library logger: its JNI callback crashes when whisper.cpp
				// logs during a call that did not come through JNI
				WhisperJNI.loadLibrary(log::debug);
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"The whisper.cpp native library could not be loaded: " + ex.getMessage(), ex);
			}
			Api bound = new Api(Linker.nativeLinker(), lookup());
			bound.checkLayout();
			bound.logToDebug();
			api = bound;
		}
		return api;
	}

	private static SymbolLookup lookup() {
		SymbolLookup loaded = SymbolLookup.loaderLookup();
		if (loaded.find("whisper_full").isPresent()) {
			return loaded;
		}
		// loaded as a dependency of whisper-jni's own library: find it by its soname
		return SymbolLookup.libraryLookup("libwhisper.so.1", Arena.global());
	}

	@Override
	public boolean multilingual() {
		return this.multilingual;
	}

	@Override
	public int endOfText() {
		return this.endOfText;
	}

	/**
	 * Whisper's language identification on the first 30 s of {@code samples}.
	 * @return the language code ({@code en}, {@code ru}, {@code de}...), empty when the
	 * model cannot identify languages (English-only models)
	 */
	@Override
	public synchronized Optional<String> identifyLanguage(float[] samples, int threads) {
		if (!this.multilingual) {
			return Optional.empty();
		}
		try (Arena call = Arena.ofConfined()) {
			MemorySegment params = params(call, threads, "auto");
			params.set(JAVA_BYTE, DETECT_LANGUAGE, (byte) 1);
			run(call, params, samples);
			return Optional.of(language());
		}
	}

	/**
	 * Decodes {@code samples} with token times.
	 * @param language a code, or {@code auto} for Whisper's choice
	 */
	@Override
	public synchronized Decoded transcribe(float[] samples, String language, int threads) {
		try (Arena call = Arena.ofConfined()) {
			MemorySegment params = params(call, threads, language);
			params.set(JAVA_BYTE, TOKEN_TIMESTAMPS, (byte) 1);
			run(call, params, samples);
			List<Segment> segments = new ArrayList<>();
			int count = (int) api.nSegments.invokeExact(this.context);
			for (int s = 0; s < count; s++) {
				long t0 = (long) api.segmentT0.invokeExact(this.context, s);
				long t1 = (long) api.segmentT1.invokeExact(this.context, s);
				MemorySegment text = (MemorySegment) api.segmentText.invokeExact(this.context, s);
				int tokens = (int) api.nTokens.invokeExact(this.context, s);
				List<Token> list = new ArrayList<>(tokens);
				for (int i = 0; i < tokens; i++) {
					MemorySegment data = (MemorySegment) api.tokenData.invokeExact((SegmentAllocator) call,
							this.context, s, i);
					MemorySegment piece = (MemorySegment) api.tokenText.invokeExact(this.context, s, i);
					list.add(new Token(data.get(JAVA_INT, TOKEN_ID), bytes(piece), data.get(JAVA_FLOAT, TOKEN_P),
							data.get(JAVA_LONG, TOKEN_T0), data.get(JAVA_LONG, TOKEN_T1)));
				}
				segments.add(new Segment(t0, t1, new String(bytes(text), StandardCharsets.UTF_8), List.copyOf(list)));
			}
			return new Decoded(List.copyOf(segments), language());
		}
		catch (RecognitionException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new RecognitionException("whisper.cpp failed to read its result: " + ex, ex);
		}
	}

	private MemorySegment params(Arena call, int threads, String language) {
		if (this.closed) {
			throw new IllegalStateException("The whisper.cpp engine is closed");
		}
		try {
			MemorySegment defaults = ((MemorySegment) api.fullDefaults.invokeExact(GREEDY))
				.reinterpret(FULL_PARAMS.byteSize());
			MemorySegment params = call.allocate(FULL_PARAMS);
			params.copyFrom(defaults);
			api.freeParams.invokeExact(defaults);
			params.set(JAVA_INT, N_THREADS, threads);
			// each piece is recognised on its own: earlier text must not steer (or loop
			// into) the next
			params.set(JAVA_BYTE, NO_CONTEXT, (byte) 1);
			params.set(JAVA_BYTE, PRINT_PROGRESS, (byte) 0);
			params.set(JAVA_BYTE, PRINT_REALTIME, (byte) 0);
			params.set(JAVA_BYTE, PRINT_TIMESTAMPS, (byte) 0);
			params.set(JAVA_BYTE, SUPPRESS_BLANK, (byte) 1);
			params.set(JAVA_BYTE, SUPPRESS_NON_SPEECH, (byte) 1);
			params.set(ADDRESS, LANGUAGE, call.allocateFrom(language));
			return params;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("whisper.cpp parameters could not be prepared: " + ex, ex);
		}
	}

	private void run(Arena call, MemorySegment params, float[] samples) {
		int status;
		try {
			status = (int) api.full.invokeExact(this.context, params, call.allocateFrom(JAVA_FLOAT, samples),
					samples.length);
		}
		catch (Throwable ex) {
			throw new RecognitionException("whisper.cpp failed on the audio: " + ex, ex);
		}
		if (status != 0) {
			throw new RecognitionException("whisper.cpp failed on the audio (status " + status + ")");
		}
	}

	private String language() {
		try {
			int id = (int) api.fullLangId.invokeExact(this.context);
			if (id < 0) {
				return "";
			}
			MemorySegment code = (MemorySegment) api.langStr.invokeExact(id);
			return code.equals(MemorySegment.NULL) ? "" : code.reinterpret(Long.MAX_VALUE).getString(0);
		}
		catch (Throwable ex) {
			throw new RecognitionException("whisper.cpp failed to tell the language: " + ex, ex);
		}
	}

	private static byte[] bytes(MemorySegment text) throws Throwable {
		if (text.equals(MemorySegment.NULL)) {
			return new byte[0];
		}
		long length = (long) api.strlen.invokeExact(text);
		return text.reinterpret(length).toArray(JAVA_BYTE);
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			try {
				api.free.invokeExact(this.context);
			}
			catch (Throwable ex) {
				log.warn("whisper.cpp did not free its context: {}", ex.toString());
			}
		}
	}

	/** The C functions used, bound once. */
	private static final class Api {

		final MethodHandle contextDefaults;

		final MethodHandle freeContextParams;

		final MethodHandle initFromFile;

		final MethodHandle fullDefaults;

		final MethodHandle freeParams;

		final MethodHandle full;

		final MethodHandle nSegments;

		final MethodHandle segmentT0;

		final MethodHandle segmentT1;

		final MethodHandle segmentText;

		final MethodHandle nTokens;

		final MethodHandle tokenData;

		final MethodHandle tokenText;

		final MethodHandle tokenEot;

		final MethodHandle isMultilingual;

		final MethodHandle fullLangId;

		final MethodHandle langStr;

		final MethodHandle free;

		final MethodHandle strlen;

		final MethodHandle logSet;

		Api(Linker linker, SymbolLookup library) {
			this.contextDefaults = bind(linker, library, "whisper_context_default_params_by_ref",
					FunctionDescriptor.of(ADDRESS));
			this.freeContextParams = bind(linker, library, "whisper_free_context_params",
					FunctionDescriptor.ofVoid(ADDRESS));
			this.initFromFile = bind(linker, library, "whisper_init_from_file_with_params",
					FunctionDescriptor.of(ADDRESS, ADDRESS, CONTEXT_PARAMS));
			this.fullDefaults = bind(linker, library, "whisper_full_default_params_by_ref",
					FunctionDescriptor.of(ADDRESS, JAVA_INT));
			this.freeParams = bind(linker, library, "whisper_free_params", FunctionDescriptor.ofVoid(ADDRESS));
			this.full = bind(linker, library, "whisper_full",
					FunctionDescriptor.of(JAVA_INT, ADDRESS, FULL_PARAMS, ADDRESS, JAVA_INT));
			this.nSegments = bind(linker, library, "whisper_full_n_segments", FunctionDescriptor.of(JAVA_INT, ADDRESS));
			this.segmentT0 = bind(linker, library, "whisper_full_get_segment_t0",
					FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
			this.segmentT1 = bind(linker, library, "whisper_full_get_segment_t1",
					FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
			this.segmentText = bind(linker, library, "whisper_full_get_segment_text",
					FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
			this.nTokens = bind(linker, library, "whisper_full_n_tokens",
					FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
			this.tokenData = bind(linker, library, "whisper_full_get_token_data",
					FunctionDescriptor.of(TOKEN_DATA, ADDRESS, JAVA_INT, JAVA_INT));
			this.tokenText = bind(linker, library, "whisper_full_get_token_text",
					FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
			this.tokenEot = bind(linker, library, "whisper_token_eot", FunctionDescriptor.of(JAVA_INT, ADDRESS));
			this.isMultilingual = bind(linker, library, "whisper_is_multilingual",
					FunctionDescriptor.of(JAVA_INT, ADDRESS));
			this.fullLangId = bind(linker, library, "whisper_full_lang_id", FunctionDescriptor.of(JAVA_INT, ADDRESS));
			this.langStr = bind(linker, library, "whisper_lang_str", FunctionDescriptor.of(ADDRESS, JAVA_INT));
			this.free = bind(linker, library, "whisper_free", FunctionDescriptor.ofVoid(ADDRESS));
			this.logSet = bind(linker, library, "whisper_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
			this.strlen = linker.downcallHandle(linker.defaultLookup().find("strlen").orElseThrow(),
					FunctionDescriptor.of(JAVA_LONG, ADDRESS));
		}

		private static MethodHandle bind(Linker linker, SymbolLookup library, String name,
				FunctionDescriptor descriptor) {
			return linker.downcallHandle(
					library.find(name)
						.orElseThrow(() -> new IllegalStateException(
								"The whisper.cpp native library has no " + name + "; whisper-jni 1.7.1 is expected")),
					descriptor);
		}

		/** whisper.cpp's (and ggml's) log lines go to debug instead of stderr. */
		void logToDebug() {
			try {
				MethodHandle target = MethodHandles.lookup()
					.findStatic(Api.class, "log",
							MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class));
				MemorySegment callback = Linker.nativeLinker()
					.upcallStub(target, FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), Arena.global());
				this.logSet.invokeExact(callback, MemorySegment.NULL);
			}
			catch (Throwable ex) {
				log.debug("whisper.cpp keeps logging to stderr: {}", ex.toString());
			}
		}

		private static void log(int level, MemorySegment text, MemorySegment userData) {
			if (log.isDebugEnabled() && !text.equals(MemorySegment.NULL)) {
				log.debug("{}", text.reinterpret(Long.MAX_VALUE).getString(0).stripTrailing());
			}
		}

		/**
		 * The defaults whisper.cpp 1.7.1 documents, read at the offsets used here:
		 * another layout fails this check.
		 */
		void checkLayout() {
			try {
				MemorySegment full = ((MemorySegment) this.fullDefaults.invokeExact(GREEDY))
					.reinterpret(FULL_PARAMS.byteSize());
				boolean fullMatches = full.get(JAVA_BYTE, NO_CONTEXT) == 1 && full.get(JAVA_BYTE, TOKEN_TIMESTAMPS) == 0
						&& full.get(JAVA_FLOAT, THOLD_PT) == 0.01f && full.get(JAVA_BYTE, SUPPRESS_BLANK) == 1
						&& full.get(JAVA_FLOAT, MAX_INITIAL_TS) == 1.0f && full.get(JAVA_FLOAT, ENTROPY_THOLD) == 2.4f
						&& full.get(JAVA_FLOAT, NO_SPEECH_THOLD) == 0.6f
						&& full.get(JAVA_FLOAT, GRAMMAR_PENALTY) == 100.0f
						&& "en".equals(full.get(ADDRESS, LANGUAGE).reinterpret(3).getString(0));
				this.freeParams.invokeExact(full);
				MemorySegment context = ((MemorySegment) this.contextDefaults.invokeExact())
					.reinterpret(CONTEXT_PARAMS.byteSize());
				boolean contextMatches = context.get(JAVA_LONG, DTW_MEM_SIZE) == 128L * 1024 * 1024;
				this.freeContextParams.invokeExact(context);
				if (!fullMatches || !contextMatches) {
					throw new IllegalStateException("The whisper.cpp native library is not the version this engine"
							+ " was written for (whisper.cpp 1.7.1, from whisper-jni 1.7.1)");
				}
			}
			catch (IllegalStateException ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new IllegalStateException("The whisper.cpp native library could not be checked: " + ex, ex);
			}
		}

	}

}
