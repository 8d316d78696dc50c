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

	@Override
	public List<Word> recognize(Audio audio, Language language) {
		List<Word> words = new ArrayList<>();
		try (Recognizer recognizer = new Recognizer(this.models.forLanguage(language), audio.sampleRate())) {
			recognizer.setWords(true);
			float[] samples = audio.samples();
			short[] block = new short[BLOCK_SAMPLES];
			for (int offset = 0; offset < samples.length; offset += BLOCK_SAMPLES) {
				int length = Math.min(BLOCK_SAMPLES, samples.length - offset);
				for (int i = 0; i < length; i++) {
					block[i] = toPcm16(samples[offset + i]);
				}
				if (recognizer.acceptWaveForm(block, length)) {
					collect(recognizer.getResult(), words);
				}
			}
			collect(recognizer.getFinalResult(), words);
		}
		catch (IOException ex) {
			throw new RecognitionException("Vosk could not start a recogniser: " + ex.getMessage(), ex);
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
	private void collect(String result, List<Word> words) {
		JsonNode items = this.json.readTree(result).path("result");
		for (JsonNode item : items) {
			words.add(new Word(item.path("start").asDouble(), item.path("end").asDouble(), item.path("word").asString(),
					item.path("conf").asDouble(), null));
		}
	}

	/** One model, one Kaldi recogniser per call: pieces run on a core each. */
	@Override
	public boolean recognizesConcurrently() {
		return true;
	}

	@Override
	public void close() {
		this.models.close();
	}

}
