package io.aigenda.asr.eval;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WordErrorRateTests {

	@Test
	void identicalTextsHaveNoErrors() {
		WordErrorRate.Result result = WordErrorRate.compute("ask not what your country", "ask not what your country");

		assertThat(result).isEqualTo(new WordErrorRate.Result(0, 0, 0, 5));
		assertThat(result.wer()).isZero();
	}

	@Test
	void caseAndPunctuationAndSpacingAreNotErrors() {
		WordErrorRate.Result result = WordErrorRate.compute("And so, my fellow Americans:  ask not!",
				"and so my   FELLOW americans ask not");

		assertThat(result.errors()).isZero();
		assertThat(result.referenceWords()).isEqualTo(7);
	}

	@Test
	void apostrophesAreUnified() {
		assertThat(WordErrorRate.normalise("Don\u2019t say \u2018no\u2019, it's fine")).containsExactly("don't", "say",
				"no", "it's", "fine");
		assertThat(WordErrorRate.compute("don't", "don\u2019t").errors()).isZero();
	}

	@Test
	void russianYoIsTheSameLetterAsYe() {
		assertThat(WordErrorRate.compute("Всё хорошо.", "все хорошо").errors()).isZero();
	}

	@Test
	void oneSubstitutionInFourWords() {
		// the cat sat down / the hat sat down: cat -> hat
		WordErrorRate.Result result = WordErrorRate.compute("the cat sat down", "the hat sat down");

		assertThat(result).isEqualTo(new WordErrorRate.Result(1, 0, 0, 4));
		assertThat(result.wer()).isEqualTo(0.25);
	}

	@Test
	void deletionsAndInsertionsAreCounted() {
		// reference a b c d e, hypothesis a c d e f: b deleted, f inserted -> 2 / 5
		WordErrorRate.Result result = WordErrorRate.align(List.of("a", "b", "c", "d", "e"),
				List.of("a", "c", "d", "e", "f"));

		assertThat(result).isEqualTo(new WordErrorRate.Result(0, 1, 1, 5));
		assertThat(result.wer()).isEqualTo(0.4);
	}

	@Test
	void substitutionDeletionAndInsertionTogether() {
		// reference (7): and so my fellow americans ask not
		// hypothesis (7): so my fellow american ask not what
		// "and" deleted, americans -> american, "what" inserted: 3 edits, and no
		// 3-substitution path exists
		WordErrorRate.Result result = WordErrorRate.compute("And so, my fellow Americans, ask not",
				"so my fellow american ask not what");

		assertThat(result).isEqualTo(new WordErrorRate.Result(1, 1, 1, 7));
		assertThat(result.wer()).isCloseTo(3.0 / 7, within(1e-9));
	}

	@Test
	void errorTotalIsTheEditDistanceWhateverTheTieBreak() {
		// nobody -> no, + body, - the, inquisition -> acquisition is 4 edits; so is 4
		// substitutions
		WordErrorRate.Result result = WordErrorRate.compute("Nobody expects the Spanish Inquisition",
				"no body expects spanish acquisition");

		assertThat(result.errors()).isEqualTo(4);
		assertThat(result.deletions()).isEqualTo(result.insertions());
		assertThat(result.referenceWords()).isEqualTo(5);
		assertThat(result.wer()).isCloseTo(0.8, within(1e-9));
	}

	@Test
	void emptyHypothesisDeletesEveryWord() {
		assertThat(WordErrorRate.compute("one two three", "")).isEqualTo(new WordErrorRate.Result(0, 3, 0, 3));
	}

	@Test
	void werCanExceedOneWithManyInsertions() {
		WordErrorRate.Result result = WordErrorRate.compute("yes", "yes yes yes");

		assertThat(result).isEqualTo(new WordErrorRate.Result(0, 0, 2, 1));
		assertThat(result.wer()).isEqualTo(2.0);
	}

	@Test
	void overallRateWeightsFilesByReferenceLength() {
		WordErrorRate.Result shortFile = new WordErrorRate.Result(1, 0, 0, 2);
		WordErrorRate.Result longFile = new WordErrorRate.Result(0, 1, 0, 8);

		WordErrorRate.Result overall = shortFile.plus(longFile);

		assertThat(overall).isEqualTo(new WordErrorRate.Result(1, 1, 0, 10));
		assertThat(overall.wer()).isEqualTo(0.2);
	}

}
