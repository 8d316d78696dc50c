package io.aigenda.backend.meeting;

import io.aigenda.contracts.Language;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores languages as their lower-case codes, as the column's check constraint expects.
 */
@Converter
class LanguageConverter implements AttributeConverter<Language, String> {

	@Override
	public String convertToDatabaseColumn(Language language) {
		return language == null ? null : language.code();
	}

	@Override
	public Language convertToEntityAttribute(String code) {
		return code == null ? null : Language.parse(code);
	}

}
