package io.aigenda.contracts;

/**
 * Which of the supported languages a text is written in, from its letters: Russian is
 * written in Cyrillic, English in Latin. The one detector for text, so the minutes
 * writers, the topic segmenters and the spelling checker cannot disagree about a meeting.
 */
public final class TextLanguage {

	private TextLanguage() {
	}

	/**
	 * Russian when most letters of the text are Cyrillic, else English (also for a text
	 * without letters: minutes need a language to be written in).
	 */
	public static Language of(CharSequence text) {
		int letters = 0;
		int cyrillic = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				letters++;
				if (isCyrillic(c)) {
					cyrillic++;
				}
			}
		}
		return (letters > 0 && cyrillic * 2 > letters) ? Language.RU : Language.EN;
	}

	/**
	 * The language of one word, from its first Cyrillic or Latin letter;
	 * {@link Language#AUTO} when it has neither (digits, punctuation, another script).
	 */
	public static Language ofWord(CharSequence word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (isCyrillic(c)) {
				return Language.RU;
			}
			if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
				return Language.EN;
			}
		}
		return Language.AUTO;
	}

	private static boolean isCyrillic(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC;
	}

}
