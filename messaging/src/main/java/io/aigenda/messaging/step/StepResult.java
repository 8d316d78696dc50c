package io.aigenda.messaging.step;

import java.util.function.DoubleFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a step's work produced: the JSON document to store through the command's presigned
 * PUT URL, the event that announces it once stored, and a line for the log.
 *
 * @param json the document, serialised
 * @param readyEvent the event to publish, given the step's processing seconds (download,
 * work and store), which only the template knows
 * @param summary what was done, for the step's last log line (counts and durations, never
 * content)
 */
public record StepResult(String json, DoubleFunction<Object> readyEvent, String summary) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A result document the template serialises as JSON. */
	public static StepResult document(Object document, DoubleFunction<Object> readyEvent, String summary) {
		return new StepResult(JSON.writeValueAsString(document), readyEvent, summary);
	}

	/**
	 * A result already serialised, for a worker that checks the JSON it stores (against a
	 * schema).
	 */
	public static StepResult json(String json, DoubleFunction<Object> readyEvent, String summary) {
		return new StepResult(json, readyEvent, summary);
	}

}
