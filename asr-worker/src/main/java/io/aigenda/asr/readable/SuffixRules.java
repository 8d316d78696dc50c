package io.aigenda.asr.readable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The suffix rules ({@code SFX}) of a Hunspell affix file, read backwards: whether a word
 * is an inflection of a lower-case dictionary stem ("weeks" of "week/S", "rather" of
 * "rath/R"). A dictionary lists such words only as stems, so without the rules a surname
 * or title that happens to be spelt like them ("Weeks", "Rather") would look like the
 * only way to write them. Single-character flags only (the default {@code FLAG}); a file
 * with another flag type gives no rules.
 */
final class SuffixRules {

	private static final SuffixRules NONE = new SuffixRules(Map.of());

	/** Rules by the text they append ("" for rules that only strip). */
	private final Map<String, List<Rule>> byAppended;

	private SuffixRules(Map<String, List<Rule>> byAppended) {
		this.byAppended = byAppended;
	}

	static SuffixRules parse(List<String> affixLines) {
		Map<String, List<Rule>> rules = new HashMap<>();
		for (String line : affixLines) {
			if (line.startsWith("FLAG ")) {
				return NONE;
			}
			String[] fields = line.strip().split("\\s+");
			// header lines ("SFX S Y 4") have a Y/N where rules have the stripped text
			if (fields.length < 5 || !fields[0].equals("SFX") || fields[1].length() != 1) {
				continue;
			}
			String strip = fields[2].equals("0") ? "" : fields[2];
			String appended = fields[3].equals("0") ? "" : fields[3];
			int continuation = appended.indexOf('/');
			if (continuation >= 0) {
				appended = appended.substring(0, continuation);
			}
			Pattern condition;
			try {
				condition = Pattern.compile("(?:" + fields[4] + ")$");
			}
			catch (RuntimeException ex) {
				continue;
			}
			rules.computeIfAbsent(appended, key -> new ArrayList<>())
				.add(new Rule(fields[1].charAt(0), strip, condition));
		}
		return new SuffixRules(Map.copyOf(rules));
	}

	/**
	 * Whether the word is a stem of {@code stems} with one of its suffix rules applied.
	 * @param stems flags of each dictionary stem
	 */
	boolean derives(String word, Map<String, String> stems) {
		for (int cut = 0; cut <= word.length(); cut++) {
			List<Rule> rules = this.byAppended.get(word.substring(word.length() - cut));
			if (rules == null) {
				continue;
			}
			String base = word.substring(0, word.length() - cut);
			for (Rule rule : rules) {
				String stem = base + rule.strip();
				String flags = stems.get(stem);
				if (flags != null && flags.indexOf(rule.flag()) >= 0 && rule.condition().matcher(stem).find()) {
					return true;
				}
			}
		}
		return false;
	}

	private record Rule(char flag, String strip, Pattern condition) {
	}

}
