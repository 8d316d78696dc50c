package io.aigenda.mlcontroller.vector;

import java.util.Map;
import java.util.UUID;

/**
 * One stored vector. Payload keys are plain identifiers; {@value #RESERVED_KEY} is the
 * store's own.
 */
public record VectorPoint(UUID id, float[] vector, Map<String, String> payload) {

	static final String RESERVED_KEY = "organisation_id";

	public VectorPoint {
		if (id == null || vector == null || vector.length == 0) {
			throw new IllegalArgumentException("a vector point needs an id and a non-empty vector");
		}
		payload = payload == null ? Map.of() : Map.copyOf(payload);
		if (payload.containsKey(RESERVED_KEY)) {
			throw new IllegalArgumentException("payload key " + RESERVED_KEY + " is reserved");
		}
		vector = vector.clone();
	}

	@Override
	public float[] vector() {
		return this.vector.clone();
	}

}
