package io.aigenda.contracts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Minutes of a meeting in the one fixed format every writer produces;
 * {@code minutes.schema.json} in this package is its JSON schema and
 * {@link MinutesSchema} validates against it. The JSON also says in so many words whether
 * any decision and any action item was found ({@code decisionsFound},
 * {@code actionItemsFound}), so a reader can tell "none found" from a field it forgot to
 * read; both follow from the lists and are ignored when minutes are read back.
 *
 * <p>
 * {@code generator} says which writer produced a part ({@link #LLM} or
 * {@link #EXTRACTIVE}; {@link #MIXED} for a summary over parts of both): a language model
 * may fail on one topic block and the extractive writer stand in for it there. It is
 * optional (absent from minutes written before it existed, and from the extractive
 * engine's, whose {@code engine} already says it all), and left out of the JSON when
 * null, so those minutes read exactly as before.
 */
@JsonIgnoreProperties(value = { Minutes.DECISIONS_FOUND, Minutes.ACTION_ITEMS_FOUND }, allowGetters = true)
public record Minutes(Language language, String engine, String summary, List<Topic> topics, List<Decision> decisions,
		List<ActionItem> actionItems, List<String> warnings,
		@JsonInclude(JsonInclude.Include.NON_NULL) String generator) {

	public static final String LLM = "llm";

	public static final String EXTRACTIVE = "extractive";

	public static final String MIXED = "mixed";

	public Minutes(Language language, String engine, String summary, List<Topic> topics, List<Decision> decisions,
			List<ActionItem> actionItems, List<String> warnings) {
		this(language, engine, summary, topics, decisions, actionItems, warnings, null);
	}

	public static final String DECISIONS_FOUND = "decisionsFound";

	public static final String ACTION_ITEMS_FOUND = "actionItemsFound";

	/** Whether any decision was found; false is the minutes' "no decisions recorded". */
	@JsonProperty(DECISIONS_FOUND)
	public boolean decisionsFound() {
		return this.decisions != null && !this.decisions.isEmpty();
	}

	/** Whether any action item was found; false is "no action items recorded". */
	@JsonProperty(ACTION_ITEMS_FOUND)
	public boolean actionItemsFound() {
		return this.actionItems != null && !this.actionItems.isEmpty();
	}

	/** A topic block with its time span in seconds. */
	public record Topic(String title, double start, double end, String summary,
			@JsonInclude(JsonInclude.Include.NON_NULL) String generator) {

		public Topic(String title, double start, double end, String summary) {
			this(title, start, end, summary, null);
		}

	}

	/** A decision taken, with the time it was said. */
	public record Decision(String text, String speaker, double start,
			@JsonInclude(JsonInclude.Include.NON_NULL) String generator) {

		public Decision(String text, String speaker, double start) {
			this(text, speaker, start, null);
		}

	}

	/** Something someone will do; owner and due date only when they were said. */
	public record ActionItem(String text, String owner, String due, String speaker, double start,
			@JsonInclude(JsonInclude.Include.NON_NULL) String generator) {

		public ActionItem(String text, String owner, String due, String speaker, double start) {
			this(text, owner, due, speaker, start, null);
		}

	}

}
