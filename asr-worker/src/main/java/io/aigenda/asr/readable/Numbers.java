package io.aigenda.asr.readable;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.contracts.Word;

/**
 * Spoken numbers as digits, the way people write them: a run of number words worth ten or
 * more ("twenty five", "two thousand and six", "сто двадцать") becomes digits in the
 * first word's display and empty displays for the rest. Single small numbers ("one",
 * "seven") stay words.
 */
final class Numbers {

	private static final Map<String, Integer> EN_UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
			Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
			Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
			Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
			Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
			Map.entry("ninety", 90));

	private static final Map<String, Integer> RU_UNITS = Map.ofEntries(Map.entry("ноль", 0), Map.entry("один", 1),
			Map.entry("одна", 1), Map.entry("два", 2), Map.entry("две", 2), Map.entry("три", 3), Map.entry("четыре", 4),
			Map.entry("пять", 5), Map.entry("шесть", 6), Map.entry("семь", 7), Map.entry("восемь", 8),
			Map.entry("девять", 9), Map.entry("десять", 10), Map.entry("одиннадцать", 11), Map.entry("двенадцать", 12),
			Map.entry("тринадцать", 13), Map.entry("четырнадцать", 14), Map.entry("пятнадцать", 15),
			Map.entry("шестнадцать", 16), Map.entry("семнадцать", 17), Map.entry("восемнадцать", 18),
			Map.entry("девятнадцать", 19), Map.entry("двадцать", 20), Map.entry("тридцать", 30), Map.entry("сорок", 40),
			Map.entry("пятьдесят", 50), Map.entry("шестьдесят", 60), Map.entry("семьдесят", 70),
			Map.entry("восемьдесят", 80), Map.entry("девяносто", 90), Map.entry("сто", 100), Map.entry("двести", 200),
			Map.entry("триста", 300), Map.entry("четыреста", 400), Map.entry("пятьсот", 500),
			Map.entry("шестьсот", 600), Map.entry("семьсот", 700), Map.entry("восемьсот", 800),
			Map.entry("девятьсот", 900));

	private static final Map<String, Long> EN_SCALES = Map.of("hundred", 100L, "thousand", 1000L, "million", 1_000_000L,
			"billion", 1_000_000_000L);

	private static final Map<String, Long> RU_SCALES = Map.ofEntries(Map.entry("тысяча", 1000L),
			Map.entry("тысячи", 1000L), Map.entry("тысяч", 1000L), Map.entry("миллион", 1_000_000L),
			Map.entry("миллиона", 1_000_000L), Map.entry("миллионов", 1_000_000L));

	private Numbers() {
	}

	static void apply(List<Word> words, List<String> display, boolean russian) {
		Map<String, Integer> units = russian ? RU_UNITS : EN_UNITS;
		Map<String, Long> scales = russian ? RU_SCALES : EN_SCALES;
		int i = 0;
		while (i < words.size()) {
			String first = key(words.get(i));
			if (!units.containsKey(first) && !scales.containsKey(first)) {
				i++;
				continue;
			}
			long total = 0;
			long current = 0;
			int end = i;
			int numberWords = 0;
			int lastKind = 0; // 1 unit below ten, 2 teen/ten, 3 tens, 4 hundreds (ru), 5
								// scale
			for (int j = i; j < words.size(); j++) {
				String word = key(words.get(j));
				if (!russian && word.equals("and") && numberWords > 0 && j + 1 < words.size()
						&& units.containsKey(key(words.get(j + 1))) && lastKind == 5) {
					continue;
				}
				Integer unit = units.get(word);
				Long scale = scales.get(word);
				if (unit != null) {
					int kind = (unit < 10) ? 1 : (unit < 20) ? 2 : (unit < 100) ? 3 : 4;
					// "twenty five" continues; "five six" or "twenty thirty" starts a new
					// number
					boolean continues = numberWords == 0 || lastKind == 5 || (lastKind == 3 && kind == 1)
							|| (lastKind == 4 && kind <= 3);
					if (!continues) {
						break;
					}
					current += unit;
					lastKind = kind;
				}
				else if (scale != null) {
					if (scale == 100) {
						current = Math.max(1, current) * 100;
						lastKind = 4;
					}
					else {
						total += Math.max(1, current) * scale;
						current = 0;
						lastKind = 5;
					}
				}
				else {
					break;
				}
				numberWords++;
				end = j;
			}
			long value = total + current;
			if (numberWords > 0 && (value >= 10 || numberWords > 1)
					&& !(numberWords == 1 && scales.containsKey(first))) {
				display.set(i, String.format(Locale.ROOT, "%d", value));
				for (int j = i + 1; j <= end; j++) {
					display.set(j, "");
				}
				i = end + 1;
			}
			else {
				i = Math.max(i + 1, end + 1);
			}
		}
	}

	private static String key(Word word) {
		return word.text().toLowerCase(Locale.ROOT);
	}

}
