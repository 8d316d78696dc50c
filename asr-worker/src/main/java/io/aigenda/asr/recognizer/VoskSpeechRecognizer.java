package io.aigenda.asr.recognizer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;
import org.vosk.Recognizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vosk (Kaldi) adapter. Audio is fed in blocks; Vosk emits a result at each endpoint it
 * finds and a final one at the end, each with per-word times and confidences.
 */
final class VoskSpeechRecognizer implements SpeechRecognizer {

	static final String ENGINE = "vosk";

	// 0.25 s per call keeps Vosk's endpointing close to how it runs on a live stream.
	private static final int BLOCK_SAMPLES = 4000;

	private final VoskModels models;

	private final Language defaultLanguage;

	private final JsonMapper json = JsonMapper.builder().build();

	VoskSpeechRecognizer(VoskModels models, Language defaultLanguage) {
		this.models = models;
		this.defaultLanguage = defaultLanguage;
	}

	@Override
	public String engine() {
		return ENGINE;
	}

	/**
	 * Vosk cannot detect a language: the one the request names, else the configured
	 * default.
	 */
	@Override
	public Language resolveLanguage(Language requested) {
		return Language.decide(requested, this.defaultLanguage);
	}

	/**
	 * A Kaldi recogniser kept for the next piece. Building one costs about as much
	 * processor time as recognising 40 s of speech with the small model (measured: 4
	 * pieces of 30 s took 12.5 s against 6.9 s for the same 120 s in one recogniser), so
	 * each thread's recogniser is reused. Vosk counts word times from the first sample a
	 * recogniser ever got, across final results: {@code fedSeconds} takes that back off.
	 */
	private static final class Pooled {

		final Recognizer recognizer;

		final Language language;

		final int sampleRate;

		double fedSeconds;

		Pooled(Recognizer recognizer, Language language, int sampleRate) {
			this.recognizer = recognizer;
			this.language = language;
			this.sampleRate = sampleRate;
		}

	}

	private final java.util.concurrent.ConcurrentLinkedDeque<Pooled> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();

	private Pooled take(Language language, int sampleRate) throws IOException {
		for (java.util.Iterator<Pooled> it = this.idle.iterator(); it.hasNext();) {
			Pooled pooled = it.next();
			if (pooled.language == language && pooled.sampleRate == sampleRate && this.idle.remove(pooled)) {
				return pooled;
			}
		}
		Recognizer recognizer = new Recognizer(this.models.forLanguage(language), sampleRate);
		recognizer.setWords(true);
		return new Pooled(recognizer, language, sampleRate);
	}

	@Override
	public List<Word> recognize(Audio audio, Language language) {
		List<Word> words = new ArrayList<>();
		Pooled pooled;
		try {
			pooled = take(language, audio.sampleRate());
		}
		catch (IOException ex) {
			throw new RecognitionException("Vosk could not start a recogniser: " + ex.getMessage(), ex);
		}
		boolean reusable = false;
		try {
			Recognizer recognizer = pooled.recognizer;
			float[] samples = audio.samples();
			short[] block = new short[BLOCK_SAMPLES];
			for (int offset = 0; offset < samples.length; offset += BLOCK_SAMPLES) {
				int length = Math.min(BLOCK_SAMPLES, samples.length - offset);
				for (int i = 0; i < length; i++) {
					block[i] = toPcm16(samples[offset + i]);
				}
				if (recognizer.acceptWaveForm(block, length)) {
					collect(recognizer.getResult(), words, pooled.fedSeconds);
				}
			}
			collect(recognizer.getFinalResult(), words, pooled.fedSeconds);
			pooled.fedSeconds += (double) samples.length / audio.sampleRate();
			reusable = true;
		}
		finally {
			if (reusable) {
				this.idle.push(pooled);
			}
			else {
				pooled.recognizer.close();
			}
		}
		return words;
	}

	private static short toPcm16(float sample) {
		float clamped = Math.max(-1f, Math.min(1f, sample));
		return (short) Math.round(clamped * Short.MAX_VALUE);
	}

	/**
	 * {"result": [{"conf": 0.98, "start": 0.3, "end": 0.5, "word": "and"}...], "text":
	 * "..."}
	 */
	private void collect(String result, List<Word> words, double offset) {
		JsonNode items = this.json.readTree(result).path("result");
		for (JsonNode item : items) {
			words.add(new Word(Math.max(0, item.path("start").asDouble() - offset),
					Math.max(0, item.path("end").asDouble() - offset), item.path("word").asString(),
					item.path("conf").asDouble(), null));
		}
	}

	/**
	 * One model, one Kaldi recogniser per thread at a time: pieces run on a core each.
	 */
	@Override
	public boolean recognizesConcurrently() {
		return true;
	}

	@Override
	public void close() {
		for (Pooled pooled = this.idle.poll(); pooled != null; pooled = this.idle.poll()) {
			pooled.recognizer.close();
		}
		this.models.close();
	}

}
