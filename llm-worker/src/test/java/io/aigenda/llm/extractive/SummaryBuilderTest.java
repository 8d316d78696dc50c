package io.aigenda.llm.extractive;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes.ActionItem;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryBuilderTest {

	@Test
	void namedSpeakersAreReportedInTheThirdPerson() {
		assertThat(SummaryBuilder.reported("Amanda", "I baked cookies.")).isEqualTo("Amanda baked cookies.");
		assertThat(SummaryBuilder.reported("Amanda", "I'll bring some tomorrow."))
			.isEqualTo("Amanda will bring some tomorrow.");
		assertThat(SummaryBuilder.reported("Amanda", "I think so.")).isEqualTo("Amanda: I think so.");
		assertThat(SummaryBuilder.isName("Amanda")).isTrue();
		assertThat(SummaryBuilder.isName("Project Manager")).isTrue();
		assertThat(SummaryBuilder.isName("S2")).isFalse();
		assertThat(SummaryBuilder.isName("SPEAKER_01")).isFalse();
	}

	@Test
	void redundantSentencesAreNotRepeated() {
		List<Sentence> sentences = ExtractiveMinutesWriter
			.clean(List.of(sentence(0, "We should build the remote control with a rubber case and a kinetic battery."),
					sentence(1, "We should build the remote control with a rubber case and a kinetic battery."),
					sentence(2, "The marketing report says young people want fancy colours and a trendy design."),
					sentence(3, "Okay.")), Language.EN);
		SummaryBuilder.Scorer scorer = new SummaryBuilder.Scorer(sentences, new TermVectors(sentences), null);

		List<Sentence> chosen = scorer.select(0, sentences.size(), 60, 3, null);

		assertThat(chosen).extracting(Sentence::index).containsExactly(0, 2);
	}

	@Test
	void actionItemsAreCappedByConfidenceAndKeptInTimeOrder() {
		List<ActionItem> items = List.of(new ActionItem("We need to think about it.", null, null, "S1", 10),
				new ActionItem("John will send the report by Friday.", "John", "by Friday", "S1", 20),
				new ActionItem("Please, something.", null, null, "S2", 30),
				new ActionItem("I'll prepare the slides for the next meeting.", "S2", "next meeting", "S2", 40));

		List<ActionItem> kept = ExtractiveMinutesWriter.mostConfident(items, Language.EN, 2);

		assertThat(kept).extracting(ActionItem::start).containsExactly(20.0, 40.0);
	}

	private static Sentence sentence(int index, String text) {
		return new Sentence(index, "S1", index * 5.0, index * 5.0 + 4, text, Terms.terms(text, Language.EN));
	}

}
