package io.aigenda.backend.correction;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Hunspell look-ups the review of doubtful words makes, on Debian's dictionaries. */
class SpellingDictionariesTests {

	private final SpellingDictionaries dictionaries = new SpellingDictionaries(
			new SpellingProperties(Path.of("/usr/share/hunspell"), 0.6));

	@Test
	void wordsAreLookedUpInEveryCaseAPersonWouldWriteThem() {
		assertThat(this.dictionaries.correct("chicago")).contains(true);
		assertThat(this.dictionaries.correct("i'm")).contains(true);
		assertThat(this.dictionaries.correct("nasa")).contains(true);
		assertThat(this.dictionaries.correct("there")).contains(true);
		assertThat(this.dictionaries.correct("don't")).contains(true);
		assertThat(this.dictionaries.correct("москва")).contains(true);
		assertThat(this.dictionaries.correct("chicgo")).contains(false);
	}

}
