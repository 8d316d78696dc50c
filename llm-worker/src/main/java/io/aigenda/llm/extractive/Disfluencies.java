package io.aigenda.llm.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.aigenda.contracts.Language;

/**
 * Makes spoken sentences read like written ones: drops hesitations (um, uh; э-э, ну),
 * filler phrases (you know, I mean; как бы, вот), cut-off words ("w-"), immediate repeats
 * ("the the", "I think I think") and the discourse markers people start turns with (so,
 * okay, well; ну, вот, так), then restores the capital and the final stop.
 */
final class Disfluencies {

	private static final Set<String> EN_FILLERS = Set.of("um", "umm", "uh", "uhm", "er", "erm", "ah", "eh", "hmm", "hm",
			"mm", "mmm", "mhm", "mm-hmm", "uh-huh", "hmm-hmm", "huh");

	private static final Set<String> RU_FILLERS = Set.of("э", "ээ", "эээ", "э-э", "э-э-э", "эм", "мм", "ммм", "хм",
			"ну", "вот", "типа", "короче", "м-м", "а-а");

	private static final List<List<String>> EN_PHRASES = List.of(List.of("you", "know"), List.of("i", "mean"),
			List.of("sort", "of"), List.of("kind", "of"));

	private static final List<List<String>> RU_PHRASES = List.of(List.of("как", "бы"), List.of("это", "самое"),
			List.of("так", "сказать"), List.of("в", "общем"), List.of("в", "принципе"));

	private static final Set<String> EN_OPENERS = Set.of("so", "okay", "ok", "well", "yeah", "yep", "right", "oh",
			"alright", "and", "but", "now", "actually", "anyway", "basically", "then", "also", "like", "yes");

	private static final Set<String> RU_OPENERS = Set.of("так", "да", "ладно", "итак", "и", "а", "но", "значит",
			"вообще", "короче", "слушайте", "смотрите", "окей", "хорошо", "ну", "вот");

	private Disfluencies() {
	}

	/** The sentence without disfluencies; empty when nothing but fillers was said. */
	static String clean(String text, Language language) {
		boolean ru = language == Language.RU;
		List<String> tokens = new ArrayList<>();
		for (String token : text.strip().split("\\s+")) {
			if (!token.isEmpty()) {
				tokens.add(token);
			}
		}
		List<String> kept = new ArrayList<>();
		for (String token : tokens) {
			String bare = bare(token);
			boolean cutOff = token.endsWith("-") && bare.length() <= 4;
			if (bare.isEmpty() || cutOff || (ru ? RU_FILLERS : EN_FILLERS).contains(bare)) {
				moveStop(token, kept);
				continue;
			}
			kept.add(token);
		}
		kept = dropPhrases(kept, ru ? RU_PHRASES : EN_PHRASES);
		kept = dropRepeats(kept);
		// discourse markers at the start ("So, okay, um, the remote...")
		while (kept.size() > 1 && (ru ? RU_OPENERS : EN_OPENERS).contains(bare(kept.get(0)))) {
			kept.remove(0);
		}
		if (kept.isEmpty() || kept.stream().noneMatch(t -> t.chars().anyMatch(Character::isLetterOrDigit))) {
			return "";
		}
		String joined = String.join(" ", kept)
			.replaceAll("\\s+([,.;:!?])", "$1")
			.replaceAll(",([.!?])", "$1")
			.replaceAll(",{2,}", ",")
			.replaceAll("^[,.;:\\-–—\\s]+", "")
			.strip();
		if (joined.isEmpty()) {
			return "";
		}
		joined = Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
		if (joined.endsWith(",") || joined.endsWith(";") || joined.endsWith(":") || joined.endsWith("-")) {
			joined = joined.substring(0, joined.length() - 1).strip();
		}
		if (".?!…".indexOf(joined.charAt(joined.length() - 1)) < 0) {
			joined = joined + ".";
		}
		return joined;
	}

	/** A dropped token's sentence-final punctuation goes to the word before it. */
	private static void moveStop(String token, List<String> kept) {
		char last = token.charAt(token.length() - 1);
		if (".?!".indexOf(last) >= 0 && !kept.isEmpty()) {
			String previous = kept.remove(kept.size() - 1).replaceAll("[,;:]+$", "");
			kept.add(".?!".indexOf(previous.charAt(previous.length() - 1)) >= 0 ? previous : previous + last);
		}
	}

	private static List<String> dropPhrases(List<String> tokens, List<List<String>> phrases) {
		List<String> kept = new ArrayList<>();
		int i = 0;
		outer: while (i < tokens.size()) {
			for (List<String> phrase : phrases) {
				if (i + phrase.size() <= tokens.size()) {
					boolean match = true;
					for (int j = 0; j < phrase.size() && match; j++) {
						match = bare(tokens.get(i + j)).equals(phrase.get(j));
					}
					// "kind of" only as a hedge ("kind of like"), not "what kind of
					// remote"
					if (match && phrase.get(0).equals("kind") && i > 0 && bare(tokens.get(i - 1)).equals("what")) {
						match = false;
					}
					if (match) {
						moveStop(tokens.get(i + phrase.size() - 1), kept);
						i += phrase.size();
						continue outer;
					}
				}
			}
			kept.add(tokens.get(i));
			i++;
		}
		return kept;
	}

	/** "the the" -> "the", "I think I think" -> "I think". */
	private static List<String> dropRepeats(List<String> tokens) {
		List<String> kept = new ArrayList<>(tokens);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int size = 3; size >= 1 && !changed; size--) {
				for (int i = 0; i + 2 * size <= kept.size() && !changed; i++) {
					boolean same = true;
					for (int j = 0; j < size && same; j++) {
						same = bare(kept.get(i + j)).equals(bare(kept.get(i + size + j)))
								&& !bare(kept.get(i + j)).isEmpty();
					}
					if (same && !(size == 1 && bare(kept.get(i)).chars().allMatch(Character::isDigit))) {
						// keep the second copy: it carries the punctuation that follows
						kept.subList(i, i + size).clear();
						changed = true;
					}
				}
			}
		}
		return kept;
	}

	/** Lower case without the punctuation around the word. */
	static String bare(String token) {
		return token.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
	}

}
