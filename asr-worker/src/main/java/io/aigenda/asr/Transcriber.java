package io.aigenda.asr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.aigenda.asr.readable.ReadableText;
import io.aigenda.asr.recognizer.SpeechRecognizer;
import io.aigenda.asr.recognizer.SpeechRecognizers;
import io.aigenda.asr.recognizer.UnsupportedLanguageException;
import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoder;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.AudioSource;
import io.aigenda.audio.LoudnessNormalizer;
import io.aigenda.audio.PcmFile;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.SpeechChunker;
import io.aigenda.audio.SpeechRegion;
import io.aigenda.audio.StereoChannels;
import io.aigenda.audio.VadOptions;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.Word;

/**
 * Long-form transcription of a recording: decode to 16 kHz mono, bring speech to one
 * loudness, find speech with Silero VAD, cover it with chunks of at most
 * {@code maxChunkSeconds} cut in the middle of pauses (with a margin of audio around
 * speech), recognise the chunks (several at once where the engine allows) and shift word
 * times to the recording's clock. A recording without speech gives an empty transcript,
 * not an error.
 * <p>
 * Used by the worker and, outside Spring, by the CLI's {@code eval asr} and {@code bench}
 * (through {@link #create(AsrProperties)}). Safe to share between threads.
 */
public final class Transcriber implements AutoCloseable {

	private final AudioDecoder decoder;

	private final SileroVad vad;

	private final SpeechRecognizer recognizer;

	private final double maxChunkSeconds;

	private final AsrProperties.Signal signal;

	/** Readable forms for engines that give none; {@code null} when turned off. */
	private final ReadableText readable;

	public Transcriber(AudioDecoder decoder, SileroVad vad, SpeechRecognizer recognizer, double maxChunkSeconds,
			AsrProperties.Signal signal, AsrProperties.Readable readable) {
		this.readable = (readable.enabled()) ? ReadableText.withDictionaries(readable.dictionaries()) : null;
		this.decoder = decoder;
		this.vad = vad;
		this.recognizer = recognizer;
		this.maxChunkSeconds = maxChunkSeconds;
		this.signal = signal;
	}

	/**
	 * A transcriber with the configured engine, the best decoder on this machine and
	 * Silero VAD.
	 */
	public static Transcriber create(AsrProperties properties) {
		SileroVad vad = sileroVad(properties.vad());
		try {
			return new Transcriber(AudioDecoders.detect(), vad, SpeechRecognizers.create(properties),
					properties.maxChunkSeconds(), properties.signal(), properties.readable());
		}
		catch (RuntimeException ex) {
			vad.close();
			throw ex;
		}
	}

	static SileroVad sileroVad(AsrProperties.Vad settings) {
		try (InputStream model = SileroVad.class.getResourceAsStream(SileroVad.MODEL_RESOURCE)) {
			if (model == null) {
				throw new IllegalStateException("The Silero VAD model is missing from the classpath");
			}
			return new SileroVad(model.readAllBytes(), new VadOptions(settings.threshold(), settings.minSpeechSeconds(),
					settings.minSilenceSeconds(), settings.padSeconds()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The Silero VAD model could not be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param language the language spoken, or {@code null} / {@link Language#AUTO} for
	 * the engine's choice
	 * @throws io.aigenda.audio.AudioDecodingException when the file is not usable audio
	 * @throws io.aigenda.asr.recognizer.UnsupportedLanguageException when the engine has
	 * no model for the language
	 */
	public TranscriptDocument transcribe(Path file, Language language, ProgressListener progress) {
		return transcribeMeasured(file, language, progress).document();
	}

	/**
	 * Same as {@link #transcribe}, with the time each stage took. The decoded samples go
	 * to a temporary file and each piece of speech is read from it when its turn comes,
	 * so a long meeting is never in the heap whole.
	 */
	public Transcription transcribeMeasured(Path file, Language language, ProgressListener progress) {
		long started = System.nanoTime();
		try (PcmFile audio = this.decoder.decodeToTemporaryFile(file)) {
			double decodeSeconds = secondsSince(started);
			long channelsStarted = System.nanoTime();
			List<Audio> channels = callChannels(this.decoder, file, this.signal);
			decodeSeconds += secondsSince(channelsStarted);
			if (!channels.isEmpty()) {
				return transcribeChannels(channels, language, progress, decodeSeconds);
			}
			return transcribeMeasured(audio, language, progress, decodeSeconds);
		}
	}

	/**
	 * The channels of a call with one speaker per channel, each recognised on its own;
	 * empty for any other recording. The diarization worker decides with the same rule
	 * ({@link StereoChannels}), so per-channel words meet per-channel speakers.
	 */
	static List<Audio> callChannels(AudioDecoder decoder, Path file, AsrProperties.Signal signal) {
		return StereoChannels.callChannels(decoder, file, signal.stereoCall());
	}

	/**
	 * One speaker per channel: each channel is recognised as a recording of its own (its
	 * own loudness, speech, pieces and sentences) and the words are merged by time. Both
	 * channels end in one language: the one heard in the channel with more words.
	 */
	private Transcription transcribeChannels(List<Audio> channels, Language language, ProgressListener progress,
			double decodeSeconds) {
		List<Transcription> parts = new ArrayList<>();
		for (Audio channel : channels) {
			parts.add(transcribeMeasured(channel, language, progress, 0));
		}
		Transcription main = parts.stream()
			.max(java.util.Comparator.comparingInt(part -> part.document().words().size()))
			.orElseThrow();
		Language resolved = main.document().language();
		for (int i = 0; i < parts.size(); i++) {
			if (parts.get(i).document().language() != resolved) {
				parts.set(i, transcribeMeasured(channels.get(i), resolved, progress, 0));
			}
		}
		List<Word> words = new ArrayList<>();
		int chunks = 0;
		double vadSeconds = 0;
		double recognitionSeconds = 0;
		for (Transcription part : parts) {
			words.addAll(part.document().words());
			chunks += part.chunks();
			vadSeconds += part.vadSeconds();
			recognitionSeconds += part.recognitionSeconds();
		}
		words.sort(java.util.Comparator.comparingDouble(Word::start));
		TranscriptDocument document = new TranscriptDocument(resolved, main.document().durationSeconds(),
				this.recognizer.engine(), List.copyOf(words));
		return new Transcription(document, chunks, decodeSeconds, vadSeconds, recognitionSeconds);
	}

	/** Transcribes audio that is already decoded. */
	public Transcription transcribeMeasured(Audio audio, Language language, ProgressListener progress) {
		return transcribeMeasured(audio, language, progress, 0);
	}

	private Transcription transcribeMeasured(AudioSource decoded, Language language, ProgressListener progress,
			double decodeSeconds) {
		Language resolved = this.recognizer.resolveLanguage(Objects.requireNonNullElse(language, Language.AUTO));
		long vadStarted = System.nanoTime();
		AudioSource audio = this.signal.normalizeLoudness() ? LoudnessNormalizer.normalize(decoded) : decoded;
		List<SpeechRegion> speech;
		// One ONNX session with recurrent state: calls must not interleave.
		synchronized (this.vad) {
			speech = this.vad.detect(audio);
		}
		List<SpeechRegion> chunks = SpeechChunker.cover(speech, this.maxChunkSeconds, this.signal.marginSeconds(),
				audio.durationSeconds());
		double vadSeconds = secondsSince(vadStarted);
		progress.progress(0, "Found " + chunks.size() + " pieces of speech");
		if (chunks.isEmpty()) {
			progress.progress(1, "No speech found");
		}

		long recognitionStarted = System.nanoTime();
		boolean asked = language == null || language == Language.AUTO;
		if (asked && resolved == Language.AUTO && !chunks.isEmpty()) {
			// one language for the whole recording, from the engine's own identification
			// on the first piece: pieces decoded each in a language of their own would
			// mix
			// languages, and a language nobody serves fails here, before any words
			resolved = this.recognizer.identifyLanguage(audio.read(chunks.get(0).start(), chunks.get(0).end()));
		}
		List<List<Word>> pieces = recognize(audio, chunks, resolved, progress);
		if (asked && resolved == Language.EN && !this.recognizer.writesReadableText()
				&& !LanguageCheck.soundsLike(pieces.stream().flatMap(List::stream).toList())) {
			// the English model did not recognise this speech as English: the other
			// language's model, or the problem that names the fix (never English words)
			resolved = Language.RU;
			try {
				pieces = recognize(audio, chunks, resolved, progress);
			}
			catch (UnsupportedLanguageException ex) {
				// the check tells "not English" from the English model's doubt alone: an
				// English
				// recording too poor for the model lands here too, and its user needs a
				// way out
				throw new UnsupportedLanguageException(ex.getMessage()
						+ ". If the recording is in English, process it again with the language set to en");
			}
		}
		List<Word> words = new ArrayList<>();
		for (int i = 0; i < chunks.size(); i++) {
			double offset = Math.round(chunks.get(i).start() * audio.sampleRate()) / (double) audio.sampleRate();
			for (Word word : pieces.get(i)) {
				words.add(new Word(round(offset + word.start()), round(offset + word.end()), word.text(),
						word.confidence(), null, word.display()));
			}
		}
		if (this.readable != null && !this.recognizer.writesReadableText()) {
			words = this.readable.apply(words, resolved);
		}
		double recognitionSeconds = secondsSince(recognitionStarted);
		TranscriptDocument document = new TranscriptDocument(resolved, audio.durationSeconds(),
				this.recognizer.engine(), List.copyOf(words));
		return new Transcription(document, chunks.size(), decodeSeconds, vadSeconds, recognitionSeconds);
	}

	/**
	 * Each piece's words, in order. Engines that allow it recognise several pieces at
	 * once (one recogniser per thread, one shared model); the pieces are read from the
	 * audio in order here, at most one per thread ahead, so a long meeting never sits in
	 * the heap whole.
	 */
	private List<List<Word>> recognize(AudioSource audio, List<SpeechRegion> chunks, Language language,
			ProgressListener progress) {
		int threads = this.recognizer.recognizesConcurrently()
				? Math.max(1, Math.min(this.signal.effectiveThreads(), chunks.size())) : 1;
		List<List<Word>> results = new ArrayList<>(java.util.Collections.nCopies(chunks.size(), List.of()));
		AtomicInteger done = new AtomicInteger();
		if (threads == 1) {
			for (int i = 0; i < chunks.size(); i++) {
				results.set(i,
						this.recognizer.recognize(audio.read(chunks.get(i).start(), chunks.get(i).end()), language));
				reportPiece(progress, done.incrementAndGet(), chunks.size());
			}
			return results;
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "asr-recognition");
			thread.setDaemon(true);
			return thread;
		});
		Semaphore ahead = new Semaphore(threads * 2);
		List<Future<?>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < chunks.size(); i++) {
				int index = i;
				ahead.acquire();
				Audio piece;
				try {
					piece = audio.read(chunks.get(i).start(), chunks.get(i).end());
				}
				catch (RuntimeException ex) {
					ahead.release();
					throw ex;
				}
				futures.add(pool.submit(() -> {
					try {
						results.set(index, this.recognizer.recognize(piece, language));
						synchronized (progress) {
							reportPiece(progress, done.incrementAndGet(), chunks.size());
						}
					}
					finally {
						ahead.release();
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while recognising speech", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void reportPiece(ProgressListener progress, int done, int total) {
		progress.progress((double) done / total, "Recognised " + done + " of " + total + " pieces of speech");
	}

	/** The decoder, for measuring the engine alone on the same audio ({@code bench}). */
	public AudioDecoder decoder() {
		return this.decoder;
	}

	/** The engine, for measuring it alone on the same audio ({@code bench}). */
	public SpeechRecognizer recognizer() {
		return this.recognizer;
	}

	// Millisecond precision is all a transcript needs, and keeps stored JSON stable and
	// small.
	private static double round(double seconds) {
		return Math.round(seconds * 1000) / 1000.0;
	}

	private static double secondsSince(long nanoTime) {
		return (System.nanoTime() - nanoTime) / 1e9;
	}

	@Override
	public void close() {
		try {
			this.recognizer.close();
		}
		finally {
			this.vad.close();
		}
	}

}
