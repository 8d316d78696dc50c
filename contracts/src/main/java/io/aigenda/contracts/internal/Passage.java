package io.aigenda.contracts.internal;

import java.util.List;
import java.util.UUID;

/**
 * A search hit of the ml-controller's {@link InternalPaths#SEARCH}: where in which
 * meeting, who spoke, and how close to the question.
 *
 * @param start seconds from the start of the recording
 * @param score cosine similarity to the query, higher is closer
 */
public record Passage(UUID meetingId, double start, double end, List<String> speakers, String topic, String text,
		double score) {
}
