package io.aigenda.backend.transcript;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.contracts.Word;

/**
 * The organisation's glossary in the readable text: a word the recogniser wrote in lower
 * case ("aigenda", "itmo") is shown as the glossary writes it ("AiGenda", "ИТМО"),
 * keeping the punctuation the readable form gave it. Only glossary words with capitals
 * say something about case; {@code text} is left as heard.
 */
final class GlossaryForms {

	private final Map<String, String> forms;

	private GlossaryForms(Map<String, String> forms) {
		this.forms = forms;
	}

	static GlossaryForms of(List<String> terms) {
		Map<String, String> forms = new HashMap<>();
		for (String term : terms) {
			for (String part : term.strip().split("\\s+")) {
				String lower = part.toLowerCase(Locale.ROOT);
				if (part.length() > 1 && !part.equals(lower) && part.chars().anyMatch(Character::isLetter)) {
					forms.putIfAbsent(lower, part);
				}
			}
		}
		return new GlossaryForms(forms);
	}

	/** The word's display form with the glossary's case, or its display unchanged. */
	String display(Word word) {
		if (this.forms.isEmpty() || word.text() == null) {
			return word.display();
		}
		String form = this.forms.get(word.text().toLowerCase(Locale.ROOT));
		if (form == null) {
			return word.display();
		}
		String readable = word.readable();
		int end = readable.length();
		while (end > 0 && ".,?!…:;".indexOf(readable.charAt(end - 1)) >= 0) {
			end--;
		}
		if (!readable.substring(0, end).equalsIgnoreCase(word.text())) {
			// the readable form is something else (digits for a number word): leave it
			return word.display();
		}
		String display = form + readable.substring(end);
		return display.equals(word.text()) ? null : display;
	}

}
