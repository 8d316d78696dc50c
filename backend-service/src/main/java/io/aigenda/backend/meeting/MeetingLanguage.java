package io.aigenda.backend.meeting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Spoken language of a recording; {@code auto} lets the recogniser decide. */
public enum MeetingLanguage {

	EN, RU, AUTO;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static MeetingLanguage of(String code) {
		for (MeetingLanguage language : values()) {
			if (language.code().equalsIgnoreCase(code)) {
				return language;
			}
		}
		throw new IllegalArgumentException("Unknown language '" + code + "' (use en, ru or auto)");
	}

}
