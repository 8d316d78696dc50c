package io.aigenda.llm.extractive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Regular expressions that treat Cyrillic letters as word characters. */
final class Patterns {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

	private Patterns() {
	}

	/** Case-insensitive, for phrases. */
	static Pattern phrase(String regex) {
		return Pattern.compile(regex, FLAGS);
	}

	/** Case-sensitive, for names, which are told apart by their capital letter. */
	static Pattern cased(String regex) {
		return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
	}

	static String firstGroup(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	static boolean found(Pattern pattern, String text) {
		return pattern.matcher(text).find();
	}

}
