package io.aigenda.asr.recognizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.aigenda.contracts.Word;

/**
 * Words from whisper.cpp's tokens and their times. A token that starts with a space
 * begins a word, the others (sub-word pieces, punctuation) continue it; special tokens
 * (end of text, start of transcript, language, timestamps: ids from end-of-text on) are
 * not text. A word runs from its first token's start to its last token's end, its
 * confidence is the mean probability of its tokens. Bytes are joined before decoding, as
 * a Cyrillic letter can be split between two tokens.
 */
final class TokenWords {

	// whisper marks non-speech as [BLANK_AUDIO], [Music], (applause)... which are not
	// words
	private static final Pattern ANNOTATION = Pattern.compile("\\[[^\\]]*]|\\([^)]*\\)|\\*[^*]*\\*");

	private static final double CENTISECONDS = 100.0;

	private TokenWords() {
	}

	/**
	 * @param segments whisper.cpp's segments with token times (centiseconds)
	 * @param endOfText the model's end-of-text token id; it and every id above are
	 * special
	 * @param limit the audio's duration: no word ends after it
	 * @return words in time order, each inside its segment and after the word before
	 */
	static List<Word> words(List<WhisperLibrary.Segment> segments, int endOfText, double limit) {
		List<Word> words = new ArrayList<>();
		double previousEnd = 0;
		for (WhisperLibrary.Segment segment : segments) {
			double segmentStart = Math.min(segment.t0() / CENTISECONDS, limit);
			double segmentEnd = Math.min(Math.max(segment.t1() / CENTISECONDS, segmentStart), limit);
			List<Piece> pieces = pieces(segment, endOfText);
			boolean timed = !pieces.isEmpty()
					&& pieces.stream().allMatch((piece) -> piece.start >= 0 && piece.end >= piece.start);
			if (!timed) {
				// no tokens (the JNI binding) or no usable token times: the segment's
				// words spread over it in proportion to their length
				List<Word> spread = SegmentWords.split(segment.text(), segmentStart, segmentEnd);
				words.addAll(spread);
				if (!spread.isEmpty()) {
					previousEnd = spread.getLast().end();
				}
				continue;
			}
			for (Piece piece : pieces) {
				String text = ANNOTATION.matcher(piece.text).replaceAll("").strip();
				if (text.isEmpty()) {
					continue;
				}
				double start = clamp(piece.start / CENTISECONDS, Math.max(segmentStart, previousEnd), segmentEnd);
				double end = clamp(piece.end / CENTISECONDS, start, segmentEnd);
				words.add(new Word(start, end, text, piece.confidence, null));
				previousEnd = end;
			}
		}
		return words;
	}

	private static double clamp(double value, double low, double high) {
		return Math.max(low, Math.min(value, Math.max(low, high)));
	}

	private static List<Piece> pieces(WhisperLibrary.Segment segment, int endOfText) {
		List<Piece> pieces = new ArrayList<>();
		ByteArrayOutputStream bytes = null;
		long start = 0;
		long end = 0;
		double probability = 0;
		int count = 0;
		for (WhisperLibrary.Token token : segment.tokens()) {
			if (token.id() >= endOfText || token.text().length == 0) {
				continue;
			}
			boolean startsWord = token.text()[0] == ' ';
			if (bytes == null || startsWord) {
				if (bytes != null) {
					pieces.add(new Piece(decode(bytes), start, end, probability / count));
				}
				bytes = new ByteArrayOutputStream();
				start = token.t0();
				probability = 0;
				count = 0;
			}
			bytes.writeBytes(token.text());
			end = token.t1();
			probability += token.probability();
			count++;
		}
		if (bytes != null) {
			pieces.add(new Piece(decode(bytes), start, end, probability / count));
		}
		return pieces;
	}

	private static String decode(ByteArrayOutputStream bytes) {
		return new String(bytes.toByteArray(), StandardCharsets.UTF_8).strip();
	}

	private record Piece(String text, long start, long end, double confidence) {
	}

}
