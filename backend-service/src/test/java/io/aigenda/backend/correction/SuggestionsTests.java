package io.aigenda.backend.correction;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTests {

	@Test
	void earlierCorrectionsComeFirstThenSimilarConfidentWordsWithThePunctuationKept() {
		List<String> suggestions = Suggestions.suggest("cuntry.", Map.of("county", 1, "country", 3),
				Map.of("country", 2, "count", 1, "the", 9, "cuntry", 1, "cuntre", 1), List.of());

		assertThat(suggestions).containsExactly("country.", "county.", "cuntre.");
	}

	@Test
	void speakersNamesAreSuggestedForMisheardNames() {
		assertThat(Suggestions.suggest("Diane,", Map.of(), Map.of(), List.of("Dianne Smith", "Sheila")))
			.containsExactly("Dianne,");
	}

	@Test
	void unrelatedWordsAreNotSuggested() {
		assertThat(Suggestions.suggest("yankee", Map.of(), Map.of("jersey", 3, "chicago", 2), List.of())).isEmpty();
	}

	@Test
	void distanceCountsEditsAndSwaps() {
		assertThat(Suggestions.distance("country", "country")).isZero();
		assertThat(Suggestions.distance("cuntry", "country")).isEqualTo(1);
		assertThat(Suggestions.distance("cuontry", "country")).isEqualTo(1);
		assertThat(Suggestions.distance("кот", "кит")).isEqualTo(1);
	}

}
