package io.aigenda.llm.extractive;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes.ActionItem;

/**
 * Finds action items by rules: commitments ("I'll send", "сделаю"), obligations ("we need
 * to", "надо"), requests ("could you", "можешь") and deadlines ("by Friday", "до
 * пятницы"). Negations and plain questions are not commitments. The owner is a person
 * named as the doer ("John will", "Иван, подготовь"), else the speaker when they commit
 * in the first person singular.
 */
final class ActionItemRules {

	/** A request to do something concrete; "can you hear me?" is not one. */
	private static final Pattern EN_REQUEST = Patterns.phrase("\\b(can|could|would)\\s+you\\s+(please\\s+)?(just\\s+)?"
			+ "(send|check|prepare|list|write|share|update|email|mail|look\\s+into|find|book|schedule|draft|review|fix|call|"
			+ "contact|forward|organi[sz]e|set\\s+up|take\\s+care|follow|bring|order|print|upload|finish|ask)\\b");

	private static final Pattern RU_REQUEST = Patterns.phrase("\\b(можешь|можете|сможешь|сможете|прошу)\\s*,?\\s*"
			+ "(пожалуйста\\s*,?\\s*)?(сделать|подготовить|отправить|прислать|проверить|написать|посмотреть|найти|обновить|"
			+ "созвониться|связаться|заказать|организовать|скинуть|переслать|поправить|исправить|выложить|согласовать)\\b");

	/** Conditions and hedges: "if we need to", "если надо". */
	private static final Pattern EN_HYPOTHETICAL = Patterns
		.phrase("^\\s*(if|whether|maybe\\s+if)\\b|\\b(if|whether)\\s+"
				+ "(we|i|you)\\s+(need|have|should|must|will|'ll)\\b");

	private static final Pattern RU_HYPOTHETICAL = Patterns
		.phrase("^\\s*(если|может\\s+быть)\\b|\\bесли\\s+(надо|нужно|" + "понадобится|потребуется)\\b");

	private static final List<Pattern> EN_TRIGGERS = List.of(Patterns.phrase("\\b(action items?|to-?do)\\b"),
			Patterns.phrase(
					"\\b(i|we)\\s*(will|'ll|shall)\\s+(just\\s+)?+(?!not\\b|never\\b|see\\b|be\\b|say\\b|go\\s+over\\b|"
							+ "go\\s+through\\b|have\\s+a\\s+look\\b|try\\s+and\\s+do\\s+it\\b)\\w+"),
			Patterns
				.phrase("\\bi\\s*(am|'m)\\s+(going\\s+to|gonna)\\s+(?!be\\b|say\\b|talk\\b|show\\b|present\\b)\\w+"),
			Patterns.phrase("\\b(we|i)\\s+(really\\s+)?(need|have|must)\\s+to\\b|\\byou\\s+(need|must)\\s+to\\b"),
			Patterns.phrase("\\b(we|you)\\s*('ve|have)?\\s+got\\s+to\\b"), EN_REQUEST, Patterns.phrase("\\bplease\\b"),
			Patterns.phrase(
					"\\blet's\\s+(?!see\\b|say\\b|hope\\b|go\\s+with\\b|not\\b|move\\s+on\\b|start\\b|begin\\b|just\\s+see\\b|get\\s+started\\b)\\w+"),
			Patterns.phrase("\\b(make\\s+sure|follow[- ]up|responsible\\s+for|in\\s+charge\\s+of|deadline)\\b"));

	private static final List<Pattern> RU_TRIGGERS = List.of(
			Patterns.phrase("\\b(надо|нужно|необходимо|требуется|следует)\\b"),
			Patterns.phrase("\\b(должен|должна|должны|обязательно)\\b"),
			Patterns.phrase("\\b(сделаю|сделаем|займусь|займ[её]мся|подготовлю|подготовим|отправлю|отправим|напишу|"
					+ "напишем|проверю|проверим|пришлю|пришл[её]м|возьму|возьм[её]м|созвонюсь|свяжусь|свяжемся|"
					+ "доделаю|доделаем|исправлю|исправим|обновлю|обновим|организую|распишу|подготовлю|закажу|"
					+ "оформлю|посчитаю|соберу|согласую)\\b"),
			Patterns.phrase(
					"\\b(беру\\s+на\\s+себя|возьму\\s+на\\s+себя|поручаю|поручить|ответственн\\w*|задача\\s+на)\\b"),
			Patterns.phrase("\\b(давайте|давай)\\s+(?!посмотрим\\b|подумаем\\b|начн[её]м\\b|решим\\b|остановимся\\b|"
					+ "перейд[её]м\\b|попробуем\\s+понять\\b)\\w+"),
			Patterns.phrase("\\b(прошу|просьба|пожалуйста)\\b"), RU_REQUEST);

	private static final Pattern EN_NEGATION = Patterns.phrase("\\b(won't|will\\s+not|don't\\s+(need|have)\\s+to|"
			+ "do\\s+not\\s+(need|have)\\s+to|no\\s+need\\s+to|didn't|did\\s+not|shouldn't|needn't|never)\\b");

	private static final Pattern RU_NEGATION = Patterns.phrase("\\b(не\\s+(надо|нужно|необходимо|должен|должна|должны|"
			+ "стоит|буду|будем|сделаю|сделаем|требуется|следует|обязательно)|нет\\s+необходимости|незачем)\\b");

	private static final Pattern EN_DUE = Patterns.phrase("\\b((by|before|until|till|on|no\\s+later\\s+than)\\s+"
			+ "(the\\s+)?(next\\s+|this\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|"
			+ "today|end\\s+of\\s+(the\\s+)?(day|week|month|year|quarter|sprint)|next\\s+(week|month|meeting)|"
			+ "\\d{1,2}(st|nd|rd|th)?(\\s+of\\s+[a-z]+)?|(january|february|march|april|may|june|july|august|"
			+ "september|october|november|december)\\s+\\d{1,2}(st|nd|rd|th)?)|tomorrow|tonight|next\\s+week|"
			+ "this\\s+afternoon|later\\s+today|end\\s+of\\s+(the\\s+)?(day|week|month)|next\\s+meeting)\\b");

	private static final Pattern RU_DUE = Patterns.phrase("((\\bдо|\\bк|\\bко)\\s+(следующ\\w+\\s+)?(понедельник\\w*|"
			+ "вторник\\w*|сред[ыуе]|четверг\\w*|пятниц\\w+|суббот\\w+|воскресень\\w+|завтра\\w*|"
			+ "конц[уа]\\s+\\w+|встреч\\w+|недел\\w+|\\d{1,2}(-?го)?(\\s+\\p{L}+)?)|\\bзавтра\\b|\\bпослезавтра\\b|"
			+ "\\bсегодня\\b|\\bна\\s+(следующей|этой)\\s+неделе\\b|\\bв\\s+(понедельник|вторник|среду|четверг|"
			+ "пятницу|субботу|воскресенье)\\b)");

	private static final Pattern DEADLINE = Patterns.phrase("(by|before|until|till|no\\s+later\\s+than|до|к|ко)\\b");

	private static final Pattern EN_NAMED_DOER = Patterns.cased("\\b(\\p{Lu}\\p{Ll}+)\\s*(?:'ll|will|is\\s+going\\s+to|"
			+ "is\\s+gonna|should|needs\\s+to|has\\s+to|can\\s+take|takes)\\b");

	private static final Pattern EN_VOCATIVE = Patterns
		.cased("(?:^|[.!?]\\s+)(\\p{Lu}\\p{Ll}+)\\s*,\\s*(?:can|could|would|please|you|make|send|prepare|check)\\b");

	private static final Pattern EN_VOCATIVE_AFTER = Patterns
		.cased("\\b(?:can|could|would)\\s+you\\s*,?\\s+" + "(\\p{Lu}\\p{Ll}+)\\s*,");

	private static final Pattern RU_NAMED_DOER = Patterns.cased("\\b(\\p{Lu}\\p{Ll}+)\\s*,?\\s*(?:сделает|займ[её]тся|"
			+ "подготовит|отправит|напишет|проверит|пришл[её]т|возьм[её]т|свяжется|созвонится|посмотрит|должен|"
			+ "должна|доделает|исправит|обновит|организует|отвечает|будет\\s+отвечать)\\b");

	private static final Pattern RU_VOCATIVE = Patterns.cased("(?:^|[.!?]\\s+)(\\p{Lu}\\p{Ll}+)\\s*,\\s*(?:сделай|"
			+ "подготовь|займись|отправь|напиши|проверь|пришли|посмотри|возьми|свяжись|пожалуйста|можешь|сможешь|"
			+ "можете|сможете|прошу)\\b");

	private static final Pattern EN_FIRST_PERSON = Patterns
		.phrase("\\bi\\s*('ll|will|'m\\s+going|am\\s+going|'m\\s+gonna|"
				+ "need\\s+to|have\\s+to|must|shall|can\\s+take)\\b");

	private static final Pattern RU_FIRST_PERSON = Patterns.phrase("\\b(я|беру\\s+на\\s+себя|сделаю|займусь|подготовлю|"
			+ "отправлю|напишу|проверю|пришлю|возьму|созвонюсь|свяжусь|доделаю|исправлю|обновлю|организую|распишу|"
			+ "закажу|оформлю|посчитаю|соберу|согласую)\\b");

	private static final Set<String> NOT_NAMES = Set.of("I", "We", "You", "They", "He", "She", "It", "This", "That",
			"There", "Then", "So", "And", "But", "Okay", "Ok", "Maybe", "Someone", "Somebody", "Everyone", "Everybody",
			"Who", "What", "Which", "Also", "Yeah", "Yes", "Well", "Right", "Now", "Next", "Everything", "Nobody",
			"Team", "Guys", "Please", "Today", "Tomorrow", "Мы", "Я", "Вы", "Ты", "Он", "Она", "Они", "Это", "Кто",
			"Вот", "Ну", "Так", "Давайте", "Давай", "Надо", "Нужно", "Коллеги", "Ребята", "Друзья", "Кто-то", "Каждый",
			"Все", "Всё", "Сегодня", "Завтра", "Тогда", "Итак");

	private ActionItemRules() {
	}

	static Optional<ActionItem> match(Sentence sentence, Language language) {
		String text = sentence.text();
		if (Terms.words(text).size() < 3) {
			return Optional.empty();
		}
		boolean ru = language == Language.RU;
		if (Patterns.found(ru ? RU_NEGATION : EN_NEGATION, text)
				|| Patterns.found(ru ? RU_HYPOTHETICAL : EN_HYPOTHETICAL, text)) {
			return Optional.empty();
		}
		if (text.endsWith("?") && !Patterns.found(ru ? RU_REQUEST : EN_REQUEST, text)) {
			return Optional.empty();
		}
		String due = due(text, language);
		String named = namedOwner(text, language);
		boolean triggered = (ru ? RU_TRIGGERS : EN_TRIGGERS).stream().anyMatch(p -> Patterns.found(p, text));
		// a bare "today" or "tomorrow" is a time, not a commitment; "by Friday" is a
		// deadline
		boolean deadline = due != null && DEADLINE.matcher(due).lookingAt();
		if (!triggered && !deadline && named == null) {
			return Optional.empty();
		}
		String owner = (named != null) ? named
				: Patterns.found(ru ? RU_FIRST_PERSON : EN_FIRST_PERSON, text) ? sentence.speaker() : null;
		return Optional.of(new ActionItem(SummaryBuilder.tidy(text), owner, due, sentence.speaker(),
				Math.max(0, sentence.start())));
	}

	/**
	 * How sure the rules are that the item is a real task: a named owner, a first-person
	 * commitment, a deadline and a concrete request each add to it; a bare "we need to"
	 * or "please" alone adds little.
	 */
	static double confidence(ActionItem item, Language language) {
		String text = item.text();
		boolean ru = language == Language.RU;
		double score = 0.2;
		if (item.owner() != null) {
			score += 0.3;
		}
		if (item.due() != null) {
			score += 0.25;
		}
		if (Patterns.found(ru ? RU_FIRST_PERSON : EN_FIRST_PERSON, text)) {
			score += 0.15;
		}
		if (Patterns.found(ru ? RU_REQUEST : EN_REQUEST, text)) {
			score += 0.15;
		}
		int words = Terms.words(text).size();
		if (words < 5 || words > 40) {
			score -= 0.1;
		}
		return Math.max(0, Math.min(1, score));
	}

	static String due(String text, Language language) {
		Matcher matcher = (language == Language.RU ? RU_DUE : EN_DUE).matcher(text);
		return matcher.find() ? matcher.group().strip() : null;
	}

	/** A person named as the one to do it; capitalised common words are not names. */
	static String namedOwner(String text, Language language) {
		List<Pattern> named = language == Language.RU ? List.of(RU_VOCATIVE, RU_NAMED_DOER)
				: List.of(EN_VOCATIVE, EN_VOCATIVE_AFTER, EN_NAMED_DOER);
		for (Pattern pattern : named) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				String name = matcher.group(1);
				if (!NOT_NAMES.contains(name) && !Terms.isStopWord(name.toLowerCase(java.util.Locale.ROOT))) {
					return name;
				}
			}
		}
		return null;
	}

}
