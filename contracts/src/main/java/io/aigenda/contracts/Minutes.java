package io.aigenda.contracts;

import java.util.List;

/**
 * Minutes of a meeting in the one fixed format every writer produces;
 * {@code minutes.schema.json} in this package is its JSON schema and
 * {@link MinutesSchema} validates against it.
 */
public record Minutes(Language language, String engine, String summary, List<Topic> topics, List<Decision> decisions,
		List<ActionItem> actionItems, List<String> warnings) {

	/** A topic block with its time span in seconds. */
	public record Topic(String title, double start, double end, String summary) {
	}

	/** A decision taken, with the time it was said. */
	public record Decision(String text, String speaker, double start) {
	}

	/** Something someone will do; owner and due date only when they were said. */
	public record ActionItem(String text, String owner, String due, String speaker, double start) {
	}

}
