package io.aigenda.llm.topics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test meetings: the real QMSum one, and two-topic dialogues written for the tests. */
final class Meetings {

	static final Path QMSUM = Path.of(System.getProperty("aigenda.shared", "../../shared"),
			"eval-dev/topics/ES2004a.json");

	private static final List<String> BUDGET_EN = List.of(
			"The budget for the next quarter is forty thousand euros and finance wants the invoice numbers by Monday.",
			"We spent most of the budget on licences, so the hardware costs have to come from the reserve.",
			"If the invoice from the supplier is late again, finance will charge the cost to our department.",
			"The price per unit went up, which means the margin on the product drops to twelve percent.",
			"Can we ask finance to move part of the reserve into the travel budget for the conference?",
			"The accountant said the tax on imported parts is included in the supplier's invoice.");

	private static final List<String> DESIGN_EN = List.of(
			"The new screen layout puts the menu on the left and the search field at the top of the page.",
			"Users in the usability test could not find the settings button, so the icon should be larger.",
			"I would use a darker blue for the header and keep the font the same as in the mobile app.",
			"The login page needs a clearer error message when the password is wrong.",
			"Designers prefer rounded corners on the cards, and the animation should be shorter.",
			"On small phones the navigation bar covers the content, we have to fix the layout there.");

	private static final List<String> BUDGET_RU = List.of(
			"Бюджет на следующий квартал составляет сорок тысяч евро, бухгалтерия ждёт счета до понедельника.",
			"Большую часть бюджета мы потратили на лицензии, поэтому оборудование придётся оплачивать из резерва.",
			"Если поставщик снова задержит счёт, бухгалтерия спишет расходы на наш отдел.",
			"Цена за единицу выросла, и маржа продукта упала до двенадцати процентов.",
			"Можно попросить бухгалтерию перенести часть резерва в бюджет командировок?",
			"Бухгалтер сказал, что налог на импортные детали уже включён в счёт поставщика.");

	private static final List<String> DESIGN_RU = List.of(
			"В новом макете экрана меню слева, а поле поиска вверху страницы.",
			"Пользователи на тестировании не нашли кнопку настроек, значок нужно сделать крупнее.",
			"Я бы взял более тёмный синий для шапки и оставил шрифт как в мобильном приложении.",
			"На странице входа нужно понятное сообщение об ошибке, когда пароль неверный.",
			"Дизайнеры предпочитают скруглённые углы у карточек, а анимацию стоит сделать короче.",
			"На маленьких телефонах панель навигации закрывает содержимое, макет там надо поправить.");

	private Meetings() {
	}

	/**
	 * Two speakers alternate; the first {@code turns} turns are about money, the rest
	 * about design.
	 */
	static List<Utterance> twoTopics(boolean russian, int turns) {
		List<String> first = russian ? BUDGET_RU : BUDGET_EN;
		List<String> second = russian ? DESIGN_RU : DESIGN_EN;
		List<Utterance> meeting = new ArrayList<>();
		for (int i = 0; i < 2 * turns; i++) {
			List<String> pool = i < turns ? first : second;
			meeting.add(new Utterance(i % 2 == 0 ? "A" : "B", pool.get((i * 5) % pool.size()), i * 8.0, i * 8.0 + 7));
		}
		return meeting;
	}

	/** Small windows and minimum blocks, for meetings of a few hundred words. */
	static TopicOptions small(String segmenter) {
		return new TopicOptions(segmenter, "", "", 60, 1, 0.5, 80, 0, 10, 0, 1, 0.08, 0.05);
	}

}
