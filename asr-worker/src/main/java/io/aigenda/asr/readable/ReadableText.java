package io.aigenda.asr.readable;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.SentenceCues;
import io.aigenda.contracts.Word;

/**
 * The readable form of words from an engine that gives lower-case words without
 * punctuation (Vosk): sentence ends at long pauses, a question mark when the sentence
 * opens with a question cue, commas at shorter pauses, a capital at each sentence start,
 * "I", proper nouns and acronyms in the case the Hunspell dictionary writes them, and
 * numbers of ten and more as digits ("twenty five" becomes "25"). The result goes into
 * each word's {@code display}; {@code text} and times are left as they are. A word
 * absorbed into the number before it gets an empty display.
 */
public final class ReadableText {

	/** A pause at least this long ends a sentence. */
	public static final double SENTENCE_PAUSE_SECONDS = 1.0;

	/** A pause at least this long, and shorter than a sentence pause, is a comma. */
	public static final double COMMA_PAUSE_SECONDS = 0.35;

	private final Map<String, String> caseForms;

	private ReadableText(Map<String, String> caseForms) {
		this.caseForms = caseForms;
	}

	/** Without dictionaries: sentence ends, capitals at starts, "I", numbers. */
	public static ReadableText plain() {
		return new ReadableText(Map.of());
	}

	/**
	 * With the proper nouns and acronyms of the Hunspell dictionaries in a folder
	 * ({@code en_US.dic}, {@code ru_RU.dic}); a missing dictionary is skipped.
	 */
	public static ReadableText withDictionaries(Path folder) {
		Map<String, String> forms = new HashMap<>();
		read(folder.resolve("en_US.dic"), forms);
		read(folder.resolve("ru_RU.dic"), forms);
		return new ReadableText(Map.copyOf(forms));
	}

	private static void read(Path dic, Map<String, String> forms) {
		if (!Files.isRegularFile(dic)) {
			return;
		}
		List<String> lines;
		SuffixRules suffixes = SuffixRules.parse(List.of());
		try {
			Charset charset = dic.getFileName().toString().startsWith("ru") ? Charset.forName("KOI8-R")
					: StandardCharsets.UTF_8;
			String aff = dic.getFileName().toString().replace(".dic", ".aff");
			Path affix = dic.resolveSibling(aff);
			if (Files.isRegularFile(affix)) {
				for (String line : Files.readAllLines(affix, StandardCharsets.ISO_8859_1)) {
					if (line.startsWith("SET ")) {
						charset = Charset.forName(line.substring(4).strip());
						break;
					}
				}
				suffixes = SuffixRules.parse(Files.readAllLines(affix, charset));
			}
			lines = Files.readAllLines(dic, charset);
		}
		catch (IOException | RuntimeException ex) {
			return;
		}
		// lower-case stems with their affix flags: a cased form only wins for a word the
		// dictionary does not also know in lower case, as a stem or an inflection of one
		Map<String, String> lower = new HashMap<>();
		Map<String, String> cased = new HashMap<>();
		for (int i = 1; i < lines.size(); i++) {
			String entry = lines.get(i);
			int slash = entry.indexOf('/');
			String stem = ((slash >= 0) ? entry.substring(0, slash) : entry).strip();
			if (stem.isEmpty() || stem.contains(" ")) {
				continue;
			}
			String key = stem.toLowerCase(Locale.ROOT);
			if (stem.equals(key)) {
				lower.merge(key, (slash >= 0) ? entry.substring(slash + 1).strip() : "", String::concat);
			}
			else {
				cased.putIfAbsent(key, stem);
			}
		}
		SuffixRules rules = suffixes;
		cased.forEach((key, form) -> {
			// forms of two letters collide with common words ("US", "AS", "IT", and "Is",
			// the only form the dictionary gives "is")
			if (key.length() > 2 && !lower.containsKey(key) && !rules.derives(key, lower)) {
				forms.putIfAbsent(key, form);
			}
		});
	}

	/**
	 * The words with their readable form.
	 * @param words in time order, lower case
	 * @param language the language spoken (question cues and numbers)
	 */
	public List<Word> apply(List<Word> words, Language language) {
		boolean russian = language == Language.RU;
		List<String> display = new ArrayList<>(words.size());
		for (Word word : words) {
			display.add(caseOf(word.text(), russian));
		}
		Numbers.apply(words, display, russian);
		// sentences and commas
		int sentenceStart = 0;
		for (int i = 0; i < words.size(); i++) {
			boolean last = i == words.size() - 1;
			double pause = last ? Double.MAX_VALUE : words.get(i + 1).start() - words.get(i).end();
			String spoken = display.get(i);
			if (spoken.isEmpty()) {
				// absorbed into the number before it: punctuation goes after the number
				int k = i;
				while (k > sentenceStart && display.get(k).isEmpty()) {
					k--;
				}
				if (pause >= SENTENCE_PAUSE_SECONDS || last) {
					display.set(k, display.get(k) + ".");
					sentenceStart = i + 1;
				}
				continue;
			}
			if (i == sentenceStart || display.subList(sentenceStart, i).stream().allMatch(String::isEmpty)) {
				display.set(i, capitalise(spoken));
			}
			if (pause >= SENTENCE_PAUSE_SECONDS || last) {
				List<String> sentence = words.subList(sentenceStart, i + 1).stream().map(Word::text).toList();
				display.set(i, display.get(i) + SentenceCues.endMark(sentence, language));
				sentenceStart = i + 1;
			}
			else if (pause >= COMMA_PAUSE_SECONDS) {
				display.set(i, display.get(i) + ",");
			}
		}
		List<Word> readable = new ArrayList<>(words.size());
		for (int i = 0; i < words.size(); i++) {
			Word word = words.get(i);
			String form = display.get(i);
			readable.add(word.withDisplay(form.equals(word.text()) ? null : form));
		}
		return readable;
	}

	private String caseOf(String text, boolean russian) {
		if (text.isEmpty()) {
			return text;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (!russian && (lower.equals("i") || lower.startsWith("i'"))) {
			return "I" + text.substring(1);
		}
		String form = this.caseForms.get(lower);
		if (form != null) {
			return form;
		}
		// possessives and plurals of a proper noun: "chicago's", "americans"
		for (String suffix : new String[] { "'s", "s", "es" }) {
			if (lower.endsWith(suffix) && lower.length() > suffix.length() + 2
					&& (form = this.caseForms.get(lower.substring(0, lower.length() - suffix.length()))) != null
					&& !form.equals(form.toUpperCase(Locale.ROOT))) {
				return form + suffix;
			}
		}
		return text;
	}

	static String capitalise(String text) {
		if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
			return text;
		}
		return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

}
