package io.aigenda.backend.correction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.TextLanguage;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Russian and English Hunspell dictionaries (Lucene's Hunspell implementation), loaded on
 * first use. A word is checked against the dictionary of its script: Cyrillic words
 * against Russian, Latin ones against English, so mixed-language meetings work without a
 * language setting.
 */
@Component
class SpellingDictionaries {

	private static final Logger log = LoggerFactory.getLogger(SpellingDictionaries.class);

	private static final Map<Language, String> FILES = Map.of(Language.RU, "ru_RU", Language.EN, "en_US");

	private final Path folder;

	private final Map<Language, Optional<Hunspell>> loaded = new ConcurrentHashMap<>();

	SpellingDictionaries(SpellingProperties properties) {
		this.folder = properties.dictionaries();
	}

	/**
	 * Whether the word is spelled right in any case a person would write it (recognisers
	 * write "chicago", "i'm", "nasa": the dictionary's "Chicago", "I'm", "NASA" count),
	 * or empty when no dictionary covers its script.
	 */
	Optional<Boolean> correct(String word) {
		return dictionary(word).map(h -> {
			synchronized (h) {
				for (String form : caseForms(word)) {
					if (h.spell(form)) {
						return true;
					}
				}
				return false;
			}
		});
	}

	/** The dictionary's suggestions for a misspelled word, best first. */
	List<String> suggest(String word) {
		return dictionary(word).map(h -> {
			synchronized (h) {
				return h.suggest(word);
			}
		}).orElse(List.of());
	}

	/** The word as written, lower case, capitalised and upper case. */
	static java.util.List<String> caseForms(String word) {
		String lower = word.toLowerCase(java.util.Locale.ROOT);
		String capitalised = lower.isEmpty() ? lower
				: lower.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + lower.substring(1);
		return java.util.List.copyOf(new java.util.LinkedHashSet<>(
				java.util.List.of(word, lower, capitalised, word.toUpperCase(java.util.Locale.ROOT))));
	}

	private Optional<Hunspell> dictionary(String word) {
		Language language = TextLanguage.ofWord(word);
		if (language == Language.AUTO) {
			return Optional.empty();
		}
		return this.loaded.computeIfAbsent(language, this::load);
	}

	private Optional<Hunspell> load(Language language) {
		String name = FILES.get(language);
		Path affix = this.folder.resolve(name + ".aff");
		Path words = this.folder.resolve(name + ".dic");
		if (!Files.isRegularFile(affix) || !Files.isRegularFile(words)) {
			log.warn("No {} Hunspell dictionary in {}: {} words are not spell-checked", name, this.folder, language);
			return Optional.empty();
		}
		try (InputStream a = Files.newInputStream(affix); InputStream d = Files.newInputStream(words)) {
			return Optional.of(new Hunspell(new Dictionary(new ByteBuffersDirectory(), "hunspell", a, d)));
		}
		catch (IOException | java.text.ParseException ex) {
			log.warn("Cannot read the {} Hunspell dictionary in {}: {}", name, this.folder, ex.getMessage());
			return Optional.empty();
		}
	}

}
