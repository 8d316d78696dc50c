package io.aigenda.asr.recognizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aigenda.contracts.Word;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code verbose_json} answer of an OpenAI-compatible transcription endpoint, read
 * the way the servers really write it: OpenAI gives {@code words} without punctuation and
 * a language name; faster-whisper servers (speaches) give words with a leading space,
 * punctuation and a {@code probability}, and a language code; whisper.cpp's server puts
 * words inside each segment; some servers (vLLM, speaches without word timestamps) send
 * {@code "words": null} and only segments, whose text is then spread over the segment.
 *
 * @param words in time order, times in seconds from the start of the uploaded audio
 * @param language what the server reported (a code or a name), {@code ""} when nothing
 */
record VerboseTranscription(List<Word> words, String language) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final double UNKNOWN_CONFIDENCE = 1.0;

	// a word and a segment token are the same word when their letters and digits agree
	private static final int LOOK_AHEAD = 3;

	/**
	 * @param body the response body
	 * @param limit the uploaded audio's duration: no word ends after it
	 * @throws RecognitionException when the body is not a verbose transcription
	 */
	static VerboseTranscription parse(String body, double limit) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new RecognitionException(
					"The transcription server's answer is not JSON: " + abbreviate(body) + " (is base-url right?)");
		}
		if (root == null || !root.isObject() || !root.has("text")) {
			throw new RecognitionException("The transcription server's answer is not a verbose transcription: "
					+ abbreviate(body) + " (is base-url right?)");
		}
		String language = root.path("language").asString("");
		List<String> tokens = segmentTokens(root.path("segments"));
		List<Word> words = new ArrayList<>();
		if (root.path("words").isArray() && !root.path("words").isEmpty()) {
			readWords(root.path("words"), tokens, limit, words);
		}
		else if (hasSegmentWords(root.path("segments"))) {
			for (JsonNode segment : root.path("segments")) {
				readWords(segment.path("words"), List.of(), limit, words);
			}
		}
		else if (root.path("segments").isArray()) {
			for (JsonNode segment : root.path("segments")) {
				double start = Math.min(segment.path("start").asDouble(0), limit);
				double end = Math.min(segment.path("end").asDouble(start), limit);
				words.addAll(SegmentWords.split(segment.path("text").asString(""), start, end));
			}
		}
		else if (!root.path("text").asString("").isBlank()) {
			throw new RecognitionException("The transcription server answered without word or segment times;"
					+ " it must support response_format=verbose_json");
		}
		return new VerboseTranscription(List.copyOf(words), language);
	}

	private static boolean hasSegmentWords(JsonNode segments) {
		for (JsonNode segment : segments) {
			if (segment.path("words").isArray() && !segment.path("words").isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private static void readWords(JsonNode items, List<String> tokens, double limit, List<Word> words) {
		int next = 0;
		for (JsonNode item : items) {
			String text = item.path("word").asString("").strip();
			if (text.isEmpty()) {
				continue;
			}
			// OpenAI's words carry no punctuation; the segment text has it
			for (int i = next; i < Math.min(tokens.size(), next + LOOK_AHEAD); i++) {
				if (letters(tokens.get(i)).equals(letters(text))) {
					text = tokens.get(i);
					next = i + 1;
					break;
				}
			}
			double start = Math.min(item.path("start").asDouble(0), limit);
			double end = Math.max(start, Math.min(item.path("end").asDouble(start), limit));
			double confidence = item.has("probability") && item.path("probability").isNumber()
					? item.path("probability").asDouble() : UNKNOWN_CONFIDENCE;
			words.add(new Word(start, end, text, confidence, null));
		}
	}

	private static List<String> segmentTokens(JsonNode segments) {
		List<String> tokens = new ArrayList<>();
		for (JsonNode segment : segments) {
			for (Word word : SegmentWords.split(segment.path("text").asString(""), 0, 0)) {
				tokens.add(word.text());
			}
		}
		return tokens;
	}

	private static String letters(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	private static String abbreviate(String body) {
		String line = body.replaceAll("\\s+", " ").strip();
		return (line.length() > 120) ? line.substring(0, 120) + "..." : line;
	}

}
