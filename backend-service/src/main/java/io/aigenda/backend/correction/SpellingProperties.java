package io.aigenda.backend.correction;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review of doubtful words.
 *
 * @param dictionaries folder with Hunspell dictionaries ({@code ru_RU.aff/.dic},
 * {@code en_US.aff/.dic}; Debian's hunspell-ru and hunspell-en-us install them in
 * /usr/share/hunspell); a missing dictionary turns off spell checking for its language
 * only
 * @param doubtfulConfidence recogniser confidence under which a word is flagged. 0.5: on
 * the English eval-dev recordings (`SignalPathTests`, Vosk) half the words below it are
 * recognition errors; at 0.6 only 36% are
 */
@ConfigurationProperties("aigenda.spelling")
record SpellingProperties(@DefaultValue("/usr/share/hunspell") Path dictionaries,
		@DefaultValue("0.5") double doubtfulConfidence) {
}
