package io.aigenda.backend.transcript;

import java.util.List;

import io.aigenda.contracts.Word;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlossaryFormsTest {

	private final GlossaryForms glossary = GlossaryForms.of(List.of("AiGenda", "ИТМО", "Open Stack", "kubernetes"));

	@Test
	void aGlossaryWordTakesTheGlossaryCaseAndKeepsItsPunctuation() {
		assertThat(this.glossary.display(word("aigenda", null))).isEqualTo("AiGenda");
		assertThat(this.glossary.display(word("aigenda", "Aigenda."))).isEqualTo("AiGenda.");
		assertThat(this.glossary.display(word("итмо", "итмо,"))).isEqualTo("ИТМО,");
		assertThat(this.glossary.display(word("stack", "stack?"))).isEqualTo("Stack?");
	}

	@Test
	void otherWordsAndLowerCaseTermsAreLeftAlone() {
		assertThat(this.glossary.display(word("agenda", "Agenda."))).isEqualTo("Agenda.");
		assertThat(this.glossary.display(word("kubernetes", null))).isNull();
		assertThat(GlossaryForms.of(List.of()).display(word("aigenda", null))).isNull();
	}

	@Test
	void aReadableFormThatIsNotTheWordStaysAsItIs() {
		// a number word shown as digits is never replaced
		GlossaryForms digits = GlossaryForms.of(List.of("Five"));
		assertThat(digits.display(word("five", "25"))).isEqualTo("25");
	}

	private static Word word(String text, String display) {
		return new Word(0, 0.4, text, 0.9, "S1", display);
	}

}
