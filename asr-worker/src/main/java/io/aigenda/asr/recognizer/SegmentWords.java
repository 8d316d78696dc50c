package io.aigenda.asr.recognizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.aigenda.contracts.Word;

/**
 * Splits a timed segment of text into words with estimated times, for engines that time
 * segments but not words. Each word gets a share of the segment proportional to its
 * length.
 */
final class SegmentWords {

	// whisper marks non-speech as [BLANK_AUDIO], [Music playing], (applause)... which are
	// not words
	private static final Pattern ANNOTATION = Pattern.compile("\\[[^\\]]*]|\\([^)]*\\)|\\*[^*]*\\*");

	private static final double UNKNOWN_CONFIDENCE = 1.0;

	private SegmentWords() {
	}

	static List<Word> split(String text, double start, double end) {
		List<String> tokens = new ArrayList<>();
		for (String token : ANNOTATION.matcher(text).replaceAll(" ").strip().split("\\s+")) {
			if (!token.isEmpty()) {
				tokens.add(token);
			}
		}
		if (tokens.isEmpty()) {
			return List.of();
		}
		double span = Math.max(0, end - start);
		int characters = tokens.stream().mapToInt(String::length).sum();
		List<Word> words = new ArrayList<>(tokens.size());
		int before = 0;
		for (String token : tokens) {
			double wordStart = start + span * before / characters;
			before += token.length();
			double wordEnd = start + span * before / characters;
			words.add(new Word(wordStart, wordEnd, token, UNKNOWN_CONFIDENCE, null));
		}
		return words;
	}

}
