package io.aigenda.asr.recognizer;

import java.util.Locale;
import java.util.Map;

import io.aigenda.contracts.Language;

/**
 * The language Whisper says it heard, as one the platform serves. Whisper knows about a
 * hundred languages; OpenAI names them ({@code "english"}), whisper.cpp and
 * faster-whisper servers give codes ({@code "en"}), so both are read. A language the
 * platform does not transcribe fails the step with a message that says which one was
 * heard, never with words of another language.
 */
final class WhisperLanguages {

	// Whisper's code -> name for the languages people are most likely to bring; others
	// are named by code in the message.
	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("en", "english"),
			Map.entry("ru", "russian"), Map.entry("uk", "ukrainian"), Map.entry("be", "belarusian"),
			Map.entry("kk", "kazakh"), Map.entry("de", "german"), Map.entry("fr", "french"), Map.entry("es", "spanish"),
			Map.entry("it", "italian"), Map.entry("pt", "portuguese"), Map.entry("nl", "dutch"),
			Map.entry("pl", "polish"), Map.entry("tr", "turkish"), Map.entry("zh", "chinese"),
			Map.entry("ja", "japanese"), Map.entry("ko", "korean"), Map.entry("ar", "arabic"), Map.entry("hi", "hindi"),
			Map.entry("sv", "swedish"), Map.entry("fi", "finnish"), Map.entry("cs", "czech"),
			Map.entry("he", "hebrew"));

	private WhisperLanguages() {
	}

	/**
	 * The platform's language for what Whisper reported.
	 * @param reported a code ({@code en}) or an OpenAI name ({@code english}); blank when
	 * the server said nothing
	 * @return {@link Language#AUTO} when nothing was reported
	 * @throws UnsupportedLanguageException for a language the platform does not
	 * transcribe
	 */
	static Language toPlatform(String reported) {
		if (reported == null || reported.isBlank()) {
			return Language.AUTO;
		}
		String value = reported.strip().toLowerCase(Locale.ROOT);
		String code = value;
		for (Map.Entry<String, String> entry : NAMES.entrySet()) {
			if (entry.getValue().equals(value)) {
				code = entry.getKey();
			}
		}
		return switch (code) {
			case "en" -> Language.EN;
			case "ru" -> Language.RU;
			default -> throw new UnsupportedLanguageException(unsupported(code));
		};
	}

	static String unsupported(String code) {
		String name = NAMES.getOrDefault(code, code);
		String capitalised = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
		String shown = name.equals(code) ? "language '" + code + "'" : capitalised;
		return shown + " speech; AiGenda transcribes English and Russian only. If the recording is in one of them,"
				+ " process it again with the language set to en or ru";
	}

}
