package io.aigenda.asr.recognizer;

import java.util.List;

import io.aigenda.contracts.Word;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SegmentWordsTests {

	@Test
	void segmentTimeIsSharedByWordLength() {
		// 4 + 2 + 4 = 10 characters over 2 s: 0.8 s, 0.4 s, 0.8 s
		List<Word> words = SegmentWords.split(" ask not what", 1.0, 3.0);

		assertThat(words).extracting(Word::text).containsExactly("ask", "not", "what");
		assertThat(words.get(0).start()).isEqualTo(1.0);
		assertThat(words.get(1).start()).isCloseTo(1.6, within(1e-9));
		assertThat(words.get(2).start()).isCloseTo(2.2, within(1e-9));
		assertThat(words.get(2).end()).isCloseTo(3.0, within(1e-9));
	}

	@Test
	void nonSpeechAnnotationsAreNotWords() {
		assertThat(SegmentWords.split(" [BLANK_AUDIO]", 0, 1)).isEmpty();
		assertThat(SegmentWords.split("(applause) thank you [Music playing]", 0, 1)).extracting(Word::text)
			.containsExactly("thank", "you");
	}

}
