package io.aigenda.llm.extractive;

import java.util.Optional;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionRulesTest {

	@Test
	void englishDecisionsAreFound() {
		assertThat(match("So we decided to drop the kinetic battery.", Language.EN)).get()
			.satisfies(d -> assertThat(d.speaker()).isEqualTo("S1"))
			.satisfies(d -> assertThat(d.text()).isEqualTo("So we decided to drop the kinetic battery."));
		assertThat(match("We agreed on square push buttons", Language.EN)).isPresent();
		assertThat(match("Okay, let's go with the double-curved case.", Language.EN)).isPresent();
		assertThat(match("The final decision is a regular chip.", Language.EN)).isPresent();
	}

	@Test
	void openQuestionsAndNegatedDecisionsAreNotDecisions() {
		assertThat(match("We haven't decided on the colour yet.", Language.EN)).isEmpty();
		assertThat(match("Should we go with the blue one?", Language.EN)).isEmpty();
		assertThat(match("If we decide to add a screen it will cost more.", Language.EN)).isEmpty();
		assertThat(match("The buttons are made of rubber.", Language.EN)).isEmpty();
	}

	@Test
	void russianDecisionsAreFound() {
		assertThat(match("Решили перенести релиз на следующий месяц.", Language.RU)).isPresent();
		assertThat(match("Договорились, что дизайн делает Анна.", Language.RU)).isPresent();
		assertThat(match("Принято решение закупить новые серверы.", Language.RU)).isPresent();
		assertThat(match("Остановимся на втором варианте макета.", Language.RU)).isPresent();
	}

	@Test
	void russianOpenQuestionsAndNegationsAreNotDecisions() {
		assertThat(match("Мы ещё не договорились о цене.", Language.RU)).isEmpty();
		assertThat(match("Так что мы решили по бюджету?", Language.RU)).isEmpty();
		assertThat(match("Принято считать, что это сложно.", Language.RU)).isEmpty();
		assertThat(match("Кнопки сделаны из резины.", Language.RU)).isEmpty();
	}

	private static Optional<Decision> match(String text, Language language) {
		return DecisionRules.match(new Sentence(0, "S1", 3.0, 5.0, text, Terms.terms(text, language)), language);
	}

}
