package io.aigenda.llm.extractive;

import java.util.Optional;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes.ActionItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActionItemRulesTest {

	@Test
	void firstPersonCommitmentIsOwnedBySpeakerWithDueDate() {
		ActionItem item = match("I'll send the updated budget to the client by Friday.", Language.EN).orElseThrow();
		assertThat(item.owner()).isEqualTo("S2");
		assertThat(item.due()).isEqualTo("by Friday");
		assertThat(item.speaker()).isEqualTo("S2");
		assertThat(item.start()).isEqualTo(12.5);
	}

	@Test
	void namedPersonOwnsWhatTheyWillDo() {
		ActionItem item = match("John will prepare the market research by tomorrow", Language.EN).orElseThrow();
		assertThat(item.owner()).isEqualTo("John");
		assertThat(item.due()).isEqualTo("by tomorrow");
		assertThat(item.text()).isEqualTo("John will prepare the market research by tomorrow.");
	}

	@Test
	void requestToANamedPersonIsAnActionEvenAsAQuestion() {
		ActionItem item = match("Mary, could you check the component prices?", Language.EN).orElseThrow();
		assertThat(item.owner()).isEqualTo("Mary");
		assertThat(item.due()).isNull();
	}

	@Test
	void teamObligationHasNoOwner() {
		ActionItem item = match("We need to fix the login bug before the release.", Language.EN).orElseThrow();
		assertThat(item.owner()).isNull();
		assertThat(match("Let's schedule a call with the vendor next week.", Language.EN)).get()
			.extracting(ActionItem::due)
			.isEqualTo("next week");
		assertThat(match("Action item: update the roadmap slides.", Language.EN)).isPresent();
	}

	@Test
	void negationsQuestionsAndSmallTalkAreNotActions() {
		assertThat(match("I won't be able to join the call.", Language.EN)).isEmpty();
		assertThat(match("Did you send the report to them?", Language.EN)).isEmpty();
		assertThat(match("Let's see what the others think about it.", Language.EN)).isEmpty();
		assertThat(match("If we need to, we can change the colour later.", Language.EN)).isEmpty();
		assertThat(match("The weather was nice and everyone liked the design.", Language.EN)).isEmpty();
		assertThat(match("We don't need to change the case.", Language.EN)).isEmpty();
		assertThat(match("Okay, I will.", Language.EN)).isEmpty();
		assertThat(match("Can you hear me at the back?", Language.EN)).isEmpty();
		assertThat(match("We can look at the price list and see if we need to rethink anything.", Language.EN))
			.isEmpty();
		assertThat(match("But the process says you have to do it in a certain way.", Language.EN)).isEmpty();
	}

	@Test
	void russianCommitmentIsOwnedBySpeakerWithDueDate() {
		ActionItem item = match("Я займусь отчётом до пятницы.", Language.RU).orElseThrow();
		assertThat(item.owner()).isEqualTo("S2");
		assertThat(item.due()).isEqualTo("до пятницы");
		assertThat(match("Сделаю макет главной страницы завтра", Language.RU)).get()
			.satisfies(i -> assertThat(i.owner()).isEqualTo("S2"))
			.satisfies(i -> assertThat(i.due()).isEqualTo("завтра"));
	}

	@Test
	void russianObligationAndNamedOwners() {
		ActionItem obligation = match("Надо обновить презентацию к понедельнику.", Language.RU).orElseThrow();
		assertThat(obligation.owner()).isNull();
		assertThat(obligation.due()).isEqualTo("к понедельнику");
		assertThat(match("Иван подготовит смету по оборудованию.", Language.RU)).get()
			.extracting(ActionItem::owner)
			.isEqualTo("Иван");
		assertThat(match("Можете, пожалуйста, прислать отчёт до среды?", Language.RU)).get()
			.extracting(ActionItem::due)
			.isEqualTo("до среды");
		assertThat(match("Мария, пожалуйста, отправь договор клиенту.", Language.RU)).get()
			.extracting(ActionItem::owner)
			.isEqualTo("Мария");
	}

	@Test
	void russianNegationsQuestionsAndSmallTalkAreNotActions() {
		assertThat(match("Не надо ничего менять в дизайне.", Language.RU)).isEmpty();
		assertThat(match("А кто сделал этот отчёт для них?", Language.RU)).isEmpty();
		assertThat(match("Вчера была хорошая погода на улице.", Language.RU)).isEmpty();
		assertThat(match("Давайте посмотрим, что получилось у коллег.", Language.RU)).isEmpty();
		assertThat(match("Если надо, поменяем цвет корпуса.", Language.RU)).isEmpty();
		assertThat(match("Вы можете меня слышать сейчас?", Language.RU)).isEmpty();
	}

	private static Optional<ActionItem> match(String text, Language language) {
		Sentence sentence = new Sentence(0, "S2", 12.5, 15.0, text, Terms.terms(text, language));
		return ActionItemRules.match(sentence, language);
	}

}
