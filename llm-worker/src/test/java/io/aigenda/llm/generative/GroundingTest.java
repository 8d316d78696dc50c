package io.aigenda.llm.generative;

import java.util.List;
import java.util.Set;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.Minutes.ActionItem;
import io.aigenda.contracts.Minutes.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroundingTest {

	private static final List<Turn> BLOCK = List.of(
			new Turn("Anna", 120.0, 126.5, "I think we should order the yellow rubber cases"),
			new Turn("S2", 127.0, 131.0, "Fine, Pavel will ask the supplier about the price by Monday"),
			new Turn("Anna", 131.5, 133.0, "Good"));

	private static final Set<String> NAMES = Grounding.names(BLOCK);

	@Test
	void itemsArePlacedAtTheTurnThatSaidThemByItsSpeaker() {
		Minutes draft = new Minutes(Language.EN, "openai", "Cases.", List.of(),
				List.of(new Decision("Order the yellow rubber cases", "Bob", 3.0)),
				List.of(new ActionItem("Ask the supplier about the price", "Pavel", "Monday", "Anna", 0),
						new ActionItem("Book the room", "John", " ", "S2", 132.0)),
				List.of());

		Minutes grounded = Grounding.block(draft, BLOCK, NAMES);

		assertThat(grounded.decisions()).singleElement().satisfies(d -> {
			assertThat(d.start()).isEqualTo(120.0);
			assertThat(d.speaker()).as("Bob never spoke").isEqualTo("Anna");
		});
		ActionItem ask = grounded.actionItems().get(0);
		assertThat(ask.start()).isEqualTo(127.0);
		assertThat(ask.owner()).as("named in the meeting").isEqualTo("Pavel");
		assertThat(ask.speaker()).as("a speaker of the block, kept").isEqualTo("Anna");
		ActionItem book = grounded.actionItems().get(1);
		assertThat(book.owner()).as("nobody named John").isNull();
		assertThat(book.due()).isNull();
		assertThat(book.start()).as("no words shared: the turn at the model's time").isEqualTo(131.5);
		assertThat(grounded.topics()).singleElement().satisfies(t -> {
			assertThat(t.start()).isEqualTo(120.0);
			assertThat(t.end()).isEqualTo(133.0);
			assertThat(t.title()).isEqualTo("Cases");
			assertThat(t.generator()).isEqualTo(Minutes.LLM);
		});
	}

	@Test
	void repeatsAcrossBlocksAreWrittenOnceAndDifferentItemsKept() {
		List<ActionItem> actions = Grounding.distinctActions(List.of(
				new ActionItem("Pavel asks the supplier about the price", null, null, "S2", 127.0, Minutes.LLM),
				new ActionItem("Task 1", null, null, "S2", 10.0, Minutes.LLM),
				new ActionItem("Task 2", null, null, "S2", 20.0, Minutes.LLM),
				new ActionItem("Ask the supplier about the price", "Pavel", "Monday", "S2", 300.0, Minutes.LLM)));

		assertThat(actions).extracting(ActionItem::text)
			.containsExactly("Task 1", "Task 2", "Pavel asks the supplier about the price");
		assertThat(actions.get(2).owner()).isEqualTo("Pavel");
		assertThat(actions.get(2).due()).isEqualTo("Monday");
		assertThat(Grounding.distinctDecisions(List.of(new Decision("Выпустить релиз в пятницу", "S1", 50),
				new Decision("Релиз выпустить в пятницу.", "S2", 10), new Decision("Бюджет не трогать", "S1", 60))))
			.extracting(Decision::start)
			.containsExactly(10.0, 60.0);
	}

}
