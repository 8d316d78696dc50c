package io.aigenda.llm.extractive;

import org.junit.jupiter.api.Test;

import io.aigenda.contracts.Language;

import static org.assertj.core.api.Assertions.assertThat;

class DisfluenciesTest {

	@Test
	void englishHesitationsRepeatsAndFalseStartsGo() {
		assertThat(Disfluencies.clean("um so the the remote should uh be w- be yellow, you know.", Language.EN))
			.isEqualTo("The remote should be yellow.");
		assertThat(Disfluencies.clean("Yep, left-right balance, um maybe even pre-programmed sound modes, like um...",
				Language.EN))
			.startsWith("Left-right balance, maybe even pre-programmed sound modes");
		assertThat(Disfluencies.clean("I think I think we should use a rubber case", Language.EN))
			.isEqualTo("I think we should use a rubber case.");
	}

	@Test
	void russianFillersGo() {
		assertThat(Disfluencies.clean("ну вот э-э мы как бы решили купить сервер", Language.RU))
			.isEqualTo("Мы решили купить сервер.");
	}

	@Test
	void fillersAloneLeaveNothingAndMeaningStays() {
		assertThat(Disfluencies.clean("Um. Uh-huh.", Language.EN)).isEmpty();
		assertThat(Disfluencies.clean("Hmm, okay", Language.EN)).isEqualTo("Okay.");
		// "no" changes the meaning and "what kind of" is not a hedge
		assertThat(Disfluencies.clean("No, what kind of battery?", Language.EN)).isEqualTo("No, what kind of battery?");
		// numbers may repeat
		assertThat(Disfluencies.clean("It costs 12 12 euros", Language.EN)).isEqualTo("It costs 12 12 euros.");
	}

}
