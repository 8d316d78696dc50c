package io.aigenda.mlcontroller.vector;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Vectors with a small string payload, always read and written under one organisation: no
 * call can see or touch another organisation's points. Similarity is cosine; scores are
 * in [-1, 1]. Every write is durable when the call returns.
 */
public interface VectorStore extends AutoCloseable {

	/**
	 * Inserts the points, replacing those with the same id in the organisation. Vectors
	 * must all have the collection's dimension (fixed by the first point ever written to
	 * it) and must not be zero.
	 */
	void upsert(VectorCollection collection, UUID organisationId, List<VectorPoint> points);

	/**
	 * The {@code limit} points of the organisation most similar to {@code query}, best
	 * first, whose cosine similarity is at least {@code minScore}.
	 */
	List<VectorMatch> search(VectorCollection collection, UUID organisationId, float[] query, int limit,
			double minScore);

	Optional<VectorPoint> get(VectorCollection collection, UUID organisationId, UUID id);

	/** Every point of the organisation in the collection, in no particular order. */
	List<VectorPoint> list(VectorCollection collection, UUID organisationId);

	/** Deletes one point; returns whether the organisation had it. */
	boolean delete(VectorCollection collection, UUID organisationId, UUID id);

	/** Deletes the organisation's points whose payload has {@code key = value}. */
	void deleteWhere(VectorCollection collection, UUID organisationId, String key, String value);

	@Override
	void close();

}
