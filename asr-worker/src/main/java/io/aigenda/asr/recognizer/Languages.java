package io.aigenda.asr.recognizer;

import java.util.Locale;

/**
 * Normalises language codes from requests: {@code EN}, {@code en-US} and {@code en} are
 * the same.
 */
final class Languages {

	private Languages() {
	}

	/**
	 * A lower-case primary language code, or {@link SpeechRecognizer#AUTO} when none is
	 * given.
	 */
	static String normalise(String requested) {
		if (requested == null || requested.isBlank()) {
			return SpeechRecognizer.AUTO;
		}
		String code = requested.strip().toLowerCase(Locale.ROOT);
		int region = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
		return (region > 0) ? code.substring(0, region) : code;
	}

}
