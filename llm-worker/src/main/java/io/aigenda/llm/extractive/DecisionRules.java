package io.aigenda.llm.extractive;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes.Decision;

/**
 * Finds decisions by rules: "we decided", "let's go with", "решили", "договорились"...
 */
final class DecisionRules {

	private static final List<Pattern> EN = List.of(
			Patterns
				.phrase("\\b(we|we've|i've|they've|team|everyone)\\s*(have\\s+|all\\s+|'ve\\s+)?(decided|agreed)\\b"),
			Patterns.phrase("\\b(decided|agreed)\\s+(to|that|on|upon)\\b"),
			Patterns
				.phrase("\\b(let's|we'll|we\\s+will|we're\\s+going\\s+to|we\\s+are\\s+going\\s+to|we're\\s+gonna)\\s+"
						+ "(go|stick|stay)\\s+with\\b"),
			Patterns.phrase("\\b(we're|we\\s+are)\\s+going\\s+with\\b"),
			Patterns.phrase("\\b(the\\s+)?(final\\s+)?decision\\s+(is|was)\\b"), Patterns.phrase(
					"\\b(settled\\s+on|it's\\s+decided|it\\s+is\\s+decided|decision\\s+made|we\\s+have\\s+a\\s+deal)\\b"));

	private static final List<Pattern> RU = List.of(
			Patterns.phrase("\\b(решили|решено|договорились|договоренность|договорённость|принято|принимаем|утвердили|"
					+ "утверждаем|утверждено|согласовали|выбрали|выбираем)\\b"),
			Patterns.phrase("\\b(остановимся|остановились)\\s+на\\b"), Patterns.phrase("\\bитак,?\\s+решение\\b"));

	private static final Pattern EN_NEGATION = Patterns
		.phrase("\\b(haven't|have\\s+not|hasn't|didn't|did\\s+not|not\\s+yet|"
				+ "never|not)\\s+(yet\\s+)?(decided|agreed)\\b|\\bundecided\\b|\\bif\\s+we\\s+(decide|agree)\\b");

	private static final Pattern RU_NEGATION = Patterns.phrase("\\bне\\s+(решили|решено|договорились|принято|утвердили|"
			+ "согласовали|выбрали)\\b|\\b(ещё|еще)\\s+не\\b|\\bпринято\\s+считать\\b|\\bесли\\s+(решим|договоримся)\\b");

	private DecisionRules() {
	}

	static Optional<Decision> match(Sentence sentence, Language language) {
		String text = sentence.text();
		boolean ru = language == Language.RU;
		if (text.endsWith("?") || Terms.words(text).size() < 3
				|| Patterns.found(ru ? RU_NEGATION : EN_NEGATION, text)) {
			return Optional.empty();
		}
		boolean found = (ru ? RU : EN).stream().anyMatch(p -> Patterns.found(p, text));
		return found
				? Optional
					.of(new Decision(SummaryBuilder.tidy(text), sentence.speaker(), Math.max(0, sentence.start())))
				: Optional.empty();
	}

}
