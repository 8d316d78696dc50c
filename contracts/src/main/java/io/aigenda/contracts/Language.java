package io.aigenda.contracts;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The spoken language of a meeting: what a request asks for, what speech recognition
 * heard, what minutes are written in. On the wire, in the database and on the command
 * line it is its lower-case code ({@code en}, {@code ru}, {@code auto}).
 */
public enum Language {

	/** English. */
	EN,

	/** Russian. */
	RU,

	/** Not decided yet: the recogniser (or, failing that, the text) decides. */
	AUTO;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The code, so logs and messages read as they did when languages were strings. */
	@Override
	public String toString() {
		return code();
	}

	/**
	 * The language a code names. Case and a region ({@code en-US}, {@code ru_RU}) do not
	 * matter; a missing or blank code is {@link #AUTO}, as older senders meant by leaving
	 * it out.
	 * @throws IllegalArgumentException for a code of a language no step supports
	 */
	@JsonCreator
	public static Language parse(String code) {
		if (code == null || code.isBlank()) {
			return AUTO;
		}
		String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
		for (Language language : values()) {
			if (language.code().equals(primary)) {
				return language;
			}
		}
		throw new IllegalArgumentException("Unknown language '" + code + "' (use en, ru or auto)");
	}

	/**
	 * The one rule for which language a step works in: the language something detected
	 * (speech recognition, the transcript a step reads) when it named one, else the one
	 * asked for. Every service decides it here, so a meeting cannot be English for one
	 * step and Russian for the next.
	 * @param detected what was heard or found, {@link #AUTO} or {@code null} when nothing
	 * was
	 * @param requested what the request (or the step's own fallback) says
	 */
	public static Language decide(Language detected, Language requested) {
		if (detected != null && detected != AUTO) {
			return detected;
		}
		return (requested != null) ? requested : AUTO;
	}

	/** {@code null} as {@link #AUTO}, for records whose senders may leave it out. */
	static Language orAuto(Language language) {
		return (language != null) ? language : AUTO;
	}

}
