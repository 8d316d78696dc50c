package io.aigenda.backend.meeting;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores languages as their lower-case codes, as the column's check constraint expects.
 */
@Converter
class LanguageConverter implements AttributeConverter<MeetingLanguage, String> {

	@Override
	public String convertToDatabaseColumn(MeetingLanguage language) {
		return language == null ? null : language.code();
	}

	@Override
	public MeetingLanguage convertToEntityAttribute(String code) {
		return code == null ? null : MeetingLanguage.of(code);
	}

}
