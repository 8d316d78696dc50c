package io.aigenda.asr.readable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.asr.AsrProperties;
import io.aigenda.asr.EvalDev;
import io.aigenda.asr.ProgressListener;
import io.aigenda.asr.Transcriber;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadableTextTests {

	@Test
	void pausesEndSentencesAndQuestionCuesGetQuestionMarks() {
		List<Word> words = timed(0.0, "i", "think", "so", 1.0, "what", "do", "you", "think", 1.0, "chicago", "is",
				"big");
		List<String> shown = shown(ReadableText.plain().apply(words, Language.EN));
		assertThat(String.join(" ", shown)).isEqualTo("I think so. What do you think? Chicago is big.");
	}

	@Test
	void numbersOfTenAndMoreBecomeDigitsAndRawWordsStay() {
		List<Word> words = timed(0.0, "we", "had", "twenty", "five", "people", "and", "one", "dog", "in", "two",
				"thousand", "and", "six");
		List<Word> readable = ReadableText.plain().apply(words, Language.EN);
		assertThat(String.join(" ", shown(readable)).replaceAll(" +", " ").strip())
			.isEqualTo("We had 25 people and one dog in 2006.");
		assertThat(readable).extracting(Word::text).isEqualTo(words.stream().map(Word::text).toList());
	}

	@Test
	void russianNumbersAndQuestions() {
		List<Word> words = timed(0.0, "сколько", "стоит", 1.0, "сто", "двадцать", "рублей");
		assertThat(
				String.join(" ", shown(ReadableText.plain().apply(words, Language.RU))).replaceAll(" +", " ").strip())
			.isEqualTo("Сколько стоит? 120 рублей.");
	}

	@Test
	void properNounsTakeTheDictionarysCase() {
		ReadableText readable = ReadableText.withDictionaries(Path.of("/usr/share/hunspell"));
		List<Word> words = timed(0.0, "my", "fellow", "americans", "in", "chicago", "and", "nasa");
		assertThat(String.join(" ", shown(readable.apply(words, Language.EN))))
			.isEqualTo("My fellow Americans in Chicago and NASA.");
	}

	@Test
	void wordsTheDictionaryInflectsInLowerCaseKeepTheirCase() {
		// "Weeks", "Rather" and "Numbers" are dictionary stems (a surname, a newsreader,
		// a book); "weeks", "rather" and "numbers" are inflections of "week", "rath" and
		// "number" by the affix file's suffix rules; "is" is in the dictionary only as
		// "Is"
		ReadableText readable = ReadableText.withDictionaries(Path.of("/usr/share/hunspell"));
		List<Word> words = timed(0.0, "rather", "two", "weeks", "of", "numbers", "is", "in", "texas");
		assertThat(String.join(" ", shown(readable.apply(words, Language.EN))))
			.isEqualTo("Rather two weeks of numbers is in Texas.");
	}

	/**
	 * Capitalisation and sentence ends of the readable text against the punctuated
	 * reference (jfk.txt): printed, and the capitals must all be right.
	 */
	@Test
	void readableTextOfARecordingMatchesItsPunctuatedReference() {
		Path file = EvalDev.shared("eval-dev/asr/en/jfk.wav");
		List<Word> words;
		try (Transcriber transcriber = Transcriber.create(AsrProperties.defaults())) {
			words = transcriber.transcribe(file, Language.EN, ProgressListener.none()).words();
		}
		String shown = String.join(" ", shown(words)).replaceAll(" +", " ");
		String reference = "And so, my fellow Americans, ask not what your country can do for you, ask what you can do "
				+ "for your country.";
		System.out.println("readable: " + shown);
		System.out.println("reference: " + reference);
		String[] hyp = shown.split(" ");
		String[] ref = reference.split(" ");
		assertThat(hyp).hasSameSizeAs(ref);
		int capitals = 0;
		int ends = 0;
		int commas = 0;
		for (int i = 0; i < ref.length; i++) {
			capitals += (Character.isUpperCase(hyp[i].charAt(0)) == Character.isUpperCase(ref[i].charAt(0))) ? 1 : 0;
			ends += (hyp[i].matches(".*[.?!]") == ref[i].matches(".*[.?!]")) ? 1 : 0;
			commas += (hyp[i].endsWith(",") == ref[i].endsWith(",")) ? 1 : 0;
		}
		System.out.printf("capitalisation %d/%d, sentence ends %d/%d, commas %d/%d%n", capitals, ref.length, ends,
				ref.length, commas, ref.length);
		assertThat(capitals).isEqualTo(ref.length);
		assertThat(ends).isEqualTo(ref.length);
	}

	private static List<String> shown(List<Word> words) {
		return words.stream().map(Word::readable).toList();
	}

	/** Words 0.3 s long, 0.1 s apart; a number in the list is an extra pause. */
	private static List<Word> timed(Object... items) {
		List<Word> words = new ArrayList<>();
		double time = 0;
		for (Object item : items) {
			if (item instanceof Double pause) {
				time += pause;
				continue;
			}
			words.add(new Word(time, time + 0.3, (String) item, 0.9, null));
			time += 0.4;
		}
		return words;
	}

}
