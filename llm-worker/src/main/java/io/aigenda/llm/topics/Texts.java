package io.aigenda.llm.topics;

import java.util.regex.Pattern;

/** Clean-up shared by the segmenters. */
final class Texts {

	// Transcripts of meeting corpora mark noises and disfluencies as {vocalsound},
	// <laugh>, [noise].
	private static final Pattern MARKUP = Pattern.compile("\\{[^}]*}|<[^>]*>|\\[[^]]*]");

	private Texts() {
	}

	static String clean(String text) {
		return MARKUP.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
	}

	/** Russian when most letters are Cyrillic. */
	static boolean mostlyCyrillic(CharSequence text) {
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
		return letters > 0 && cyrillic * 2 > letters;
	}

}
