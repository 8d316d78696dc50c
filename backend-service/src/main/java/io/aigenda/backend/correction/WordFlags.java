package io.aigenda.backend.correction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Decides which transcript words a person should look at, as the suspicious-word review
 * of a speech data tool does: words the dictionary of their script does not know but that
 * lie within a small edit distance of a dictionary word or of the organisation's glossary
 * (the recogniser's "ЭТМО" for the glossary's "ИТМО"), and words the recogniser itself
 * doubted.
 */
@Component
class WordFlags {

	static final String NOT_IN_DICTIONARY = "not-in-dictionary";

	static final String NEAR_GLOSSARY = "near-glossary";

	static final String LOW_CONFIDENCE = "low-confidence";

	private static final int DICTIONARY_SUGGESTIONS = 3;

	private final SpellingDictionaries dictionaries;

	private final double doubtfulConfidence;

	/**
	 * Dictionary suggestions per misspelled word, shared by all meetings (suggesting is
	 * slow).
	 */
	private final Map<String, List<String>> suggestionCache = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
				return size() > 20_000;
			}
		});

	WordFlags(SpellingDictionaries dictionaries, SpellingProperties properties) {
		this.dictionaries = dictionaries;
		this.doubtfulConfidence = properties.doubtfulConfidence();
	}

	/** The flag for one word, or empty when it looks right. */
	Optional<Flag> flag(int index, String text, double confidence, Set<String> glossary) {
		String bare = Suggestions.Token.of(text).bare();
		Set<String> reasons = new LinkedHashSet<>();
		Set<String> suggestions = new LinkedHashSet<>();
		boolean wordLike = bare.length() >= 2 && bare.chars().anyMatch(Character::isLetter)
				&& bare.chars().noneMatch(Character::isDigit);
		boolean inGlossary = glossary.stream().anyMatch(g -> g.equalsIgnoreCase(bare));
		if (wordLike && !inGlossary && !this.dictionaries.correct(bare).orElse(false)) {
			List<String> near = nearGlossary(bare, glossary);
			List<String> dictionary = this.dictionaries.correct(bare).isPresent() ? dictionarySuggestions(bare)
					: List.of();
			if (!near.isEmpty()) {
				reasons.add(NEAR_GLOSSARY);
			}
			if (!near.isEmpty() || !dictionary.isEmpty()) {
				reasons.add(NOT_IN_DICTIONARY);
			}
			near.forEach(s -> suggestions.add(Suggestions.Token.of(text).with(s)));
			dictionary.forEach(s -> suggestions.add(Suggestions.Token.of(text).with(s)));
		}
		if (confidence < this.doubtfulConfidence && !inGlossary) {
			reasons.add(LOW_CONFIDENCE);
		}
		if (reasons.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Flag(index, text, confidence, List.copyOf(reasons),
				suggestions.stream().limit(Suggestions.LIMIT).toList()));
	}

	/** Glossary words within the edit distance the suggestions allow, closest first. */
	static List<String> nearGlossary(String bare, Set<String> glossary) {
		String needle = bare.toLowerCase(Locale.ROOT);
		int allowed = Math.max(1, needle.length() / 3);
		List<String> near = new ArrayList<>();
		glossary.stream()
			.filter(g -> !g.equalsIgnoreCase(bare))
			.map(g -> Map.entry(g, Suggestions.distance(needle, g.toLowerCase(Locale.ROOT))))
			.filter(e -> e.getValue() <= allowed)
			.sorted(Map.Entry.comparingByValue())
			.forEach(e -> near.add(e.getKey()));
		return near;
	}

	List<String> dictionarySuggestions(String bare) {
		return this.suggestionCache.computeIfAbsent(bare.toLowerCase(Locale.ROOT), k -> {
			String needle = bare.toLowerCase(Locale.ROOT);
			int allowed = Math.max(1, needle.length() / 3);
			return this.dictionaries.suggest(bare)
				.stream()
				.filter(s -> !s.contains(" ") && Suggestions.distance(needle, s.toLowerCase(Locale.ROOT)) <= allowed)
				.limit(DICTIONARY_SUGGESTIONS)
				.toList();
		});
	}

	/**
	 * @param reasons why the word is flagged: {@code not-in-dictionary},
	 * {@code near-glossary}, {@code low-confidence}
	 */
	record Flag(int index, String text, double confidence, List<String> reasons, List<String> suggestions) {
	}

}
