package io.aigenda.llm.generative;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a model's answer into minutes, or says in one line why it cannot: no JSON object,
 * JSON that fails the minutes schema, or an answer that repeats the instructions.
 */
final class Drafts {

	// the schema leaves times of decisions and action items optional; absent ones read as
	// 0
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/**
	 * Eight words in a row from the instructions in an answer are a leak, not a
	 * coincidence.
	 */
	private static final int LEAK_WORDS = 8;

	private Drafts() {
	}

	/**
	 * The part of the minutes schema the model writes: no language, engine or warnings.
	 */
	static String draftSchema() {
		ObjectNode schema = (ObjectNode) JSON.readTree(MinutesSchema.text());
		schema.remove("$schema");
		schema.remove("$id");
		ObjectNode properties = (ObjectNode) schema.get("properties");
		List.of("language", "engine", "warnings", "generator").forEach(properties::remove);
		// which writer produced a part is the worker's record, not the model's to claim
		List.of("topics", "decisions", "actionItems")
			.forEach(list -> ((ObjectNode) properties.path(list).path("items").path("properties")).remove("generator"));
		schema.putArray("required").add("summary").add("topics").add("decisions").add("actionItems");
		return JSON.writeValueAsString(schema);
	}

	static String summarySchema() {
		return "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"summary\"],"
				+ "\"properties\":{\"summary\":{\"type\":\"string\",\"minLength\":1}}}";
	}

	/**
	 * Thrown with the reason the answer was rejected, to be sent back in the repair
	 * round.
	 */
	static final class Rejected extends RuntimeException {

		Rejected(String reason) {
			super(reason);
		}

	}

	/** The answer as minutes in {@code language} by {@code engine}. */
	static Minutes minutes(String answer, Language language, String engine, String instructions) {
		checkLeak(answer, instructions);
		JsonNode draft = object(answer);
		ObjectNode full = JSON.createObjectNode();
		full.put("language", language.code());
		full.put("engine", engine);
		draft.properties().forEach(e -> full.set(e.getKey(), e.getValue()));
		full.putArray("warnings");
		String json = JSON.writeValueAsString(full);
		List<String> errors = MinutesSchema.validate(json);
		if (!errors.isEmpty()) {
			throw new Rejected("it does not match the schema: "
					+ String.join("; ", errors.subList(0, Math.min(5, errors.size()))));
		}
		return JSON.readValue(json, Minutes.class);
	}

	/** The {@code summary} of a merge answer. */
	static String summary(String answer, String instructions) {
		checkLeak(answer, instructions);
		JsonNode draft = object(answer);
		String summary = draft.path("summary").asString("");
		if (summary.isBlank()) {
			throw new Rejected("it has no \"summary\" string");
		}
		return summary.strip();
	}

	/**
	 * The JSON object in the answer; models sometimes wrap it in a code fence or a
	 * sentence.
	 */
	static JsonNode object(String answer) {
		int from = answer.indexOf('{');
		int to = answer.lastIndexOf('}');
		if (from < 0 || to < from) {
			throw new Rejected("it is not a JSON object");
		}
		try {
			JsonNode node = JSON.readTree(answer.substring(from, to + 1));
			if (!node.isObject()) {
				throw new Rejected("it is not a JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new Rejected("it is not valid JSON (" + ex.getOriginalMessage() + ")");
		}
	}

	/** Checked on the raw answer, so a leak is caught whether or not it is valid JSON. */
	private static void checkLeak(String answer, String instructions) {
		Set<String> grams = grams(instructions);
		for (String gram : grams(answer)) {
			if (grams.contains(gram)) {
				throw new Rejected("it repeats the instructions instead of writing minutes");
			}
		}
	}

	private static Set<String> grams(String text) {
		String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
		List<String> kept = new ArrayList<>();
		for (String word : words) {
			if (!word.isEmpty()) {
				kept.add(word);
			}
		}
		Set<String> grams = new HashSet<>();
		for (int i = 0; i + LEAK_WORDS <= kept.size(); i++) {
			grams.add(String.join(" ", kept.subList(i, i + LEAK_WORDS)));
		}
		return grams;
	}

}
