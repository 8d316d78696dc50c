package io.aigenda.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextLanguageTest {

	@Test
	void russianTextIsRussianAndEnglishTextIsEnglish() throws IOException {
		String russian = Files.readString(evalDev("asr/ru/test_sound_ru.txt"));
		String english = Files.readString(evalDev("asr/en/jfk.txt"));
		assertThat(TextLanguage.of(russian)).isEqualTo(Language.RU);
		assertThat(TextLanguage.of(english)).isEqualTo(Language.EN);
		// A Russian meeting that names English products is still Russian.
		assertThat(TextLanguage.of(russian + " Kubernetes")).isEqualTo(Language.RU);
		assertThat(TextLanguage.of("")).as("no letters: minutes still need a language").isEqualTo(Language.EN);
	}

	@Test
	void aWordIsInTheLanguageOfItsScript() throws IOException {
		String[] russian = Files.readString(evalDev("asr/ru/test_sound_ru.txt")).strip().split("\\s+");
		String[] english = Files.readString(evalDev("asr/en/jfk.txt")).strip().split("\\s+");
		assertThat(russian).allSatisfy(word -> assertThat(TextLanguage.ofWord(word)).isEqualTo(Language.RU));
		assertThat(english).allSatisfy(word -> assertThat(TextLanguage.ofWord(word)).isEqualTo(Language.EN));
		assertThat(TextLanguage.ofWord("2025")).isEqualTo(Language.AUTO);
	}

	private static Path evalDev(String relative) {
		return Path.of(System.getProperty("aigenda.shared", "../../shared"), "eval-dev", relative);
	}

}
