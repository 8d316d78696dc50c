package io.aigenda.mlcontroller.search;

import java.util.List;
import java.util.UUID;

/**
 * A search hit: where in which meeting, who spoke, and how close to the question
 * (cosine).
 */
public record Passage(UUID meetingId, double start, double end, List<String> speakers, String topic, String text,
		double score) {
}
