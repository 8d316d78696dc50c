package io.aigenda.llm.minutes;

import io.aigenda.contracts.Minutes;

/**
 * Times in minutes are rounded to a tenth of a second, so none reads as
 * 170.70000000000056.
 */
public final class Rounding {

	private Rounding() {
	}

	public static double seconds(double value) {
		return Math.round(value * 10.0) / 10.0;
	}

	/** The same minutes with every time rounded to 0.1 s. */
	public static Minutes minutes(Minutes minutes) {
		return new Minutes(minutes.language(), minutes.engine(), minutes.summary(), minutes.topics()
			.stream()
			.map(t -> new Minutes.Topic(t.title(), seconds(t.start()), seconds(t.end()), t.summary(), t.generator()))
			.toList(),
				minutes.decisions()
					.stream()
					.map(d -> new Minutes.Decision(d.text(), d.speaker(), seconds(d.start()), d.generator()))
					.toList(),
				minutes.actionItems()
					.stream()
					.map(a -> new Minutes.ActionItem(a.text(), a.owner(), a.due(), a.speaker(), seconds(a.start()),
							a.generator()))
					.toList(),
				minutes.warnings(), minutes.generator());
	}

}
