package io.aigenda.asr.recognizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.aigenda.contracts.Word;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Words from whisper.cpp tokens. The English case is whisper.cpp's own token-level output
 * for its jfk.wav sample (times as whisper.cpp prints them with one token per segment);
 * the special token ids are those of the multilingual vocabulary (end of text 50257,
 * timestamps from 50364).
 */
class TokenWordsTests {

	private static final int EOT = 50257;

	private static WhisperLibrary.Token token(int id, String text, long t0, long t1, float p) {
		return new WhisperLibrary.Token(id, text.getBytes(StandardCharsets.UTF_8), p, t0, t1);
	}

	@Test
	void tokensBecomeWordsWithTheirOwnTimes() {
		List<WhisperLibrary.Token> tokens = List.of(token(50364, "[_BEG_]", 0, 0, 1f), token(400, " And", 32, 37, 0.9f),
				token(370, " so", 37, 69, 0.9f), token(452, " my", 69, 85, 0.9f), token(7177, " fellow", 85, 159, 0.9f),
				token(6280, " Americans", 159, 285, 0.6f), token(11, ",", 285, 330, 1.0f),
				token(1029, " ask", 330, 414, 0.9f), token(406, " not", 414, 499, 0.9f),
				token(50914, "[_TT_550]", 499, 499, 1f), token(EOT, "[_EOT_]", 499, 499, 1f));
		List<Word> words = TokenWords.words(List.of(new WhisperLibrary.Segment(0, 550, "", tokens)), EOT, 11.0);

		assertThat(words).extracting(Word::text)
			.containsExactly("And", "so", "my", "fellow", "Americans,", "ask", "not");
		assertThat(words.get(0).start()).isCloseTo(0.32, within(1e-9));
		assertThat(words.get(3).end()).isCloseTo(1.59, within(1e-9));
		// the comma's time belongs to the word it ends
		assertThat(words.get(4).start()).isCloseTo(1.59, within(1e-9));
		assertThat(words.get(4).end()).isCloseTo(3.30, within(1e-9));
		assertThat(words.get(4).confidence()).isCloseTo(0.8, within(1e-6));
		assertMonotonicInside(words, 0, 5.5);
	}

	@Test
	void aLetterSplitBetweenTokensIsJoinedBeforeDecoding() {
		byte[] word = " нейронные".getBytes(StandardCharsets.UTF_8);
		// byte-level BPE cuts Cyrillic letters in half: split inside "й"
		int cut = " не".getBytes(StandardCharsets.UTF_8).length + 1;
		List<WhisperLibrary.Token> tokens = List.of(
				new WhisperLibrary.Token(1000, Arrays.copyOfRange(word, 0, cut), 0.9f, 10, 30),
				new WhisperLibrary.Token(1001, Arrays.copyOfRange(word, cut, word.length), 0.7f, 30, 80),
				token(1002, " сети", 80, 120, 0.9f));
		List<Word> words = TokenWords.words(List.of(new WhisperLibrary.Segment(0, 320, "", tokens)), EOT, 3.2);
		assertThat(words).extracting(Word::text).containsExactly("нейронные", "сети");
		assertThat(words.get(0).end()).isCloseTo(0.8, within(1e-9));
	}

	@Test
	void annotationsAreNotWordsAndTimesStayInsideTheSegmentAndTheAudio() {
		List<WhisperLibrary.Token> first = List.of(token(58, " [", 100, 110, 0.5f), token(33, "BL", 110, 120, 0.5f),
				token(34, "ANK_AUDIO]", 120, 200, 0.5f));
		// a token time past the segment end and past the audio, as whisper.cpp can give
		// at a segment's edge
		List<WhisperLibrary.Token> second = List.of(token(1000, " thank", 190, 260, 0.9f),
				token(1001, " you", 260, 950, 0.9f));
		List<Word> words = TokenWords.words(List.of(new WhisperLibrary.Segment(100, 200, "", first),
				new WhisperLibrary.Segment(200, 900, "", second)), EOT, 8.0);
		assertThat(words).extracting(Word::text).containsExactly("thank", "you");
		assertThat(words.get(0).start()).as("not before its segment").isCloseTo(2.0, within(1e-9));
		assertThat(words.get(1).end()).as("not after the audio").isCloseTo(8.0, within(1e-9));
		assertMonotonicInside(words, 0, 8.0);
	}

	@Test
	void segmentsWithoutTokensAreSpreadOverTheirSegment() {
		// what the JNI binding gives on Java 21
		List<Word> words = TokenWords
			.words(List.of(new WhisperLibrary.Segment(100, 300, " Ask not, [BLANK_AUDIO]", List.of())), EOT, 5.0);
		assertThat(words).extracting(Word::text).containsExactly("Ask", "not,");
		assertThat(words.get(1).end()).isEqualTo(3.0);
	}

	@Test
	void untimedTokensAreSpreadOverTheirSegment() {
		List<WhisperLibrary.Token> tokens = List.of(token(1000, " ask", -1, -1, 0.9f),
				token(1001, " not", -1, -1, 0.9f));
		List<Word> words = TokenWords.words(List.of(new WhisperLibrary.Segment(100, 300, " ask not", tokens)), EOT,
				5.0);
		assertThat(words).extracting(Word::text).containsExactly("ask", "not");
		assertThat(words.get(0).start()).isEqualTo(1.0);
		assertThat(words.get(1).end()).isEqualTo(3.0);
	}

	static void assertMonotonicInside(List<Word> words, double from, double to) {
		List<Double> times = new ArrayList<>();
		words.forEach((word) -> {
			times.add(word.start());
			times.add(word.end());
		});
		assertThat(times).isSorted().allSatisfy((time) -> assertThat(time).isBetween(from, to));
	}

}
