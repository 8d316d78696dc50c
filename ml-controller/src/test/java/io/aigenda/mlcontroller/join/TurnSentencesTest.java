package io.aigenda.mlcontroller.join;

import java.util.List;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TurnSentencesTest {

	@Test
	void aSpeakerChangeEndsTheSentenceAndCapitalisesTheAnswer() {
		// as the asr-worker writes them: no pause long enough for a sentence end
		List<Word> words = List.of(word(0.0, "what", null, "S1"), word(0.3, "do", null, "S1"),
				word(0.5, "you", null, "S1"), word(0.7, "think", "think,", "S1"), word(1.0, "it's", null, "S2"),
				word(1.3, "fine", "fine.", "S2"), word(3.0, "okay", "Okay", "S1"));

		List<Word> readable = TurnSentences.endAtTurns(words, Language.EN);

		assertThat(readable).extracting(Word::readable)
			.containsExactly("what", "do", "you", "think?", "It's", "fine.", "Okay");
		assertThat(readable).extracting(Word::text)
			.containsExactly("what", "do", "you", "think", "it's", "fine", "okay");
	}

	@Test
	void russianQuestionsAreToldByTheirCues() {
		List<Word> words = List.of(word(0.0, "готов", null, "S1"), word(0.3, "ли", null, "S1"),
				word(0.5, "отчёт", null, "S1"), word(1.0, "да", null, "S2"));

		assertThat(TurnSentences.endAtTurns(words, Language.RU)).extracting(Word::readable)
			.containsExactly("готов", "ли", "отчёт?", "Да");
	}

	@Test
	void aNumberWordAbsorbedIntoDigitsIsSkippedAndTheDigitsEndTheSentence() {
		List<Word> words = List.of(word(0.0, "twenty", "20", "S1"), word(0.3, "five", "", "S1"),
				word(0.6, "yes", null, "S2"));

		assertThat(TurnSentences.endAtTurns(words, Language.EN)).extracting(Word::readable)
			.containsExactly("20.", "", "Yes");
	}

	@Test
	void anEngineThatPunctuatesItselfIsLeftAsItWrote() {
		List<Word> words = List.of(word(0.0, "Hello", null, "S1"), word(0.3, "there.", null, "S1"),
				word(0.6, "hi", null, "S2"), word(0.9, "again", null, "S1"));

		assertThat(TurnSentences.endAtTurns(words, Language.EN)).isEqualTo(words);
	}

	private static Word word(double start, String text, String display, String speaker) {
		return new Word(start, start + 0.2, text, 0.9, speaker, display);
	}

}
