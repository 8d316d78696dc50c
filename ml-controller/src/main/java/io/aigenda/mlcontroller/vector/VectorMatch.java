package io.aigenda.mlcontroller.vector;

import java.util.Map;
import java.util.UUID;

/** A search hit: the point's id, its cosine similarity to the query and its payload. */
public record VectorMatch(UUID id, double score, Map<String, String> payload) {

	public VectorMatch {
		payload = Map.copyOf(payload);
	}

}
