package io.aigenda.backend.transcript;

import io.aigenda.contracts.Minutes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the minutes' "none found" flags true to their lists after a person edits them
 * (removing the last action item means "no action items recorded" from then on).
 */
final class FoundFlags {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FoundFlags() {
	}

	/**
	 * The minutes document with {@code decisionsFound} and {@code actionItemsFound} set.
	 */
	static String of(String minutesJson) {
		JsonNode root = JSON.readTree(minutesJson);
		if (!(root instanceof ObjectNode minutes)) {
			return minutesJson;
		}
		minutes.put(Minutes.DECISIONS_FOUND, !minutes.path("decisions").isEmpty());
		minutes.put(Minutes.ACTION_ITEMS_FOUND, !minutes.path("actionItems").isEmpty());
		return JSON.writeValueAsString(minutes);
	}

}
