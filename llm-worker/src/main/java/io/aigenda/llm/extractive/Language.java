package io.aigenda.llm.extractive;

import java.util.Locale;

/** The two languages minutes are written in. */
enum Language {

	EN, RU;

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The transcript's language when it names one, else Russian when most letters are
	 * Cyrillic.
	 */
	static Language of(String declared, CharSequence text) {
		if (declared != null) {
			String code = declared.trim().toLowerCase(Locale.ROOT);
			if (code.startsWith("ru")) {
				return RU;
			}
			if (code.startsWith("en")) {
				return EN;
			}
		}
		int letters = 0;
		int cyrillic = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				letters++;
				if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
					cyrillic++;
				}
			}
		}
		return letters > 0 && cyrillic * 2 > letters ? RU : EN;
	}

}
