package io.aigenda.mlcontroller.vector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointsSelector;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

/**
 * The vector store on a Qdrant server, through its gRPC API. Each collection is a Qdrant
 * collection (cosine distance) with a keyword index on the organisation id, and every
 * request carries an organisation filter, so one organisation never reads or deletes
 * another's points.
 */
public final class QdrantVectorStore implements VectorStore {

	private static final int SCROLL_PAGE = 256;

	private final QdrantClient client;

	private final String prefix;

	private final Duration timeout;

	private final Set<VectorCollection> ready = ConcurrentHashMap.newKeySet();

	/**
	 * @param client the connected client; closed with this store
	 * @param prefix put before each collection's name, so several installations can share
	 * a server
	 * @param timeout how long one request may take
	 */
	public QdrantVectorStore(QdrantClient client, String prefix, Duration timeout) {
		this.client = client;
		this.prefix = prefix;
		this.timeout = timeout;
	}

	@Override
	public void upsert(VectorCollection collection, UUID organisationId, List<VectorPoint> points) {
		if (points.isEmpty()) {
			return;
		}
		int dimension = points.get(0).vector().length;
		List<PointStruct> structs = new ArrayList<>(points.size());
		for (VectorPoint point : points) {
			if (point.vector().length != dimension) {
				throw new IllegalArgumentException("vectors of one upsert differ in dimension");
			}
			Map<String, Value> payload = new HashMap<>();
			point.payload().forEach((k, v) -> {
				Vectors.requireKey(k);
				payload.put(k, value(v));
			});
			payload.put(VectorPoint.RESERVED_KEY, value(organisationId.toString()));
			structs.add(PointStruct.newBuilder()
				.setId(id(point.id()))
				.setVectors(vectors(Vectors.normalised(point.vector())))
				.putAllPayload(payload)
				.build());
		}
		String name = ensureCollection(collection, dimension);
		// A point id is global in Qdrant: refuse to overwrite another organisation's
		// point.
		for (VectorPoint point : points) {
			List<RetrievedPoint> existing = await(this.client.retrieveAsync(name, List.of(id(point.id())), enable(true),
					io.qdrant.client.WithVectorsSelectorFactory.enable(false), null));
			if (!existing.isEmpty() && !organisationId.toString()
				.equals(existing.get(0).getPayloadMap().get(VectorPoint.RESERVED_KEY).getStringValue())) {
				throw new IllegalArgumentException("point id " + point.id() + " belongs to another organisation");
			}
		}
		await(this.client.upsertAsync(
				UpsertPoints.newBuilder().setCollectionName(name).setWait(true).addAllPoints(structs).build()));
	}

	@Override
	public List<VectorMatch> search(VectorCollection collection, UUID organisationId, float[] query, int limit,
			double minScore) {
		if (limit <= 0 || !exists(collection)) {
			return List.of();
		}
		float[] unit = Vectors.normalised(query);
		List<Float> vector = new ArrayList<>(unit.length);
		for (float v : unit) {
			vector.add(v);
		}
		List<ScoredPoint> hits = await(this.client.searchAsync(SearchPoints.newBuilder()
			.setCollectionName(name(collection))
			.addAllVector(vector)
			.setFilter(organisation(organisationId))
			.setLimit(limit)
			.setScoreThreshold((float) minScore)
			.setWithPayload(enable(true))
			.build()));
		List<VectorMatch> matches = new ArrayList<>(hits.size());
		for (ScoredPoint hit : hits) {
			matches.add(new VectorMatch(UUID.fromString(hit.getId().getUuid()), hit.getScore(),
					payload(hit.getPayloadMap())));
		}
		return matches;
	}

	@Override
	public Optional<VectorPoint> get(VectorCollection collection, UUID organisationId, UUID id) {
		if (!exists(collection)) {
			return Optional.empty();
		}
		return scroll(collection, Filter.newBuilder(organisation(organisationId)).addMust(hasId(id(id))).build())
			.stream()
			.findFirst();
	}

	@Override
	public List<VectorPoint> list(VectorCollection collection, UUID organisationId) {
		if (!exists(collection)) {
			return List.of();
		}
		return scroll(collection, organisation(organisationId));
	}

	@Override
	public boolean delete(VectorCollection collection, UUID organisationId, UUID id) {
		if (get(collection, organisationId, id).isEmpty()) {
			return false;
		}
		delete(collection, Filter.newBuilder(organisation(organisationId)).addMust(hasId(id(id))).build());
		return true;
	}

	@Override
	public void deleteWhere(VectorCollection collection, UUID organisationId, String key, String value) {
		Vectors.requireKey(key);
		if (exists(collection)) {
			delete(collection,
					Filter.newBuilder(organisation(organisationId)).addMust(matchKeyword(key, value)).build());
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	private void delete(VectorCollection collection, Filter filter) {
		await(this.client.deleteAsync(DeletePoints.newBuilder()
			.setCollectionName(name(collection))
			.setWait(true)
			.setPoints(PointsSelector.newBuilder().setFilter(filter))
			.build()));
	}

	private List<VectorPoint> scroll(VectorCollection collection, Filter filter) {
		List<VectorPoint> points = new ArrayList<>();
		PointId offset = null;
		do {
			ScrollPoints.Builder request = ScrollPoints.newBuilder()
				.setCollectionName(name(collection))
				.setFilter(filter)
				.setLimit(SCROLL_PAGE)
				.setWithPayload(enable(true))
				.setWithVectors(io.qdrant.client.WithVectorsSelectorFactory.enable(true));
			if (offset != null) {
				request.setOffset(offset);
			}
			ScrollResponse page = await(this.client.scrollAsync(request.build()));
			for (RetrievedPoint point : page.getResultList()) {
				List<Float> data = point.getVectors().getVector().getDataList();
				if (data.isEmpty()) {
					data = point.getVectors().getVector().getDense().getDataList();
				}
				float[] vector = new float[data.size()];
				for (int i = 0; i < vector.length; i++) {
					vector[i] = data.get(i);
				}
				points.add(new VectorPoint(UUID.fromString(point.getId().getUuid()), vector,
						payload(point.getPayloadMap())));
			}
			offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
		}
		while (offset != null);
		return points;
	}

	private String ensureCollection(VectorCollection collection, int dimension) {
		String name = name(collection);
		if (!this.ready.contains(collection)) {
			if (!await(this.client.collectionExistsAsync(name))) {
				await(this.client.createCollectionAsync(name,
						VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build()));
				await(this.client.createPayloadIndexAsync(name, VectorPoint.RESERVED_KEY, PayloadSchemaType.Keyword,
						null, true, null, null));
			}
			this.ready.add(collection);
		}
		return name;
	}

	private boolean exists(VectorCollection collection) {
		return this.ready.contains(collection) || await(this.client.collectionExistsAsync(name(collection)));
	}

	private String name(VectorCollection collection) {
		return this.prefix + collection.storageName();
	}

	private static Filter organisation(UUID organisationId) {
		return Filter.newBuilder().addMust(matchKeyword(VectorPoint.RESERVED_KEY, organisationId.toString())).build();
	}

	private static Map<String, String> payload(Map<String, Value> values) {
		Map<String, String> payload = new HashMap<>();
		values.forEach((k, v) -> {
			if (!k.equals(VectorPoint.RESERVED_KEY)) {
				payload.put(k, v.getStringValue());
			}
		});
		return payload;
	}

	private <T> T await(Future<T> future) {
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new VectorStoreException("interrupted while waiting for Qdrant", ex);
		}
		catch (ExecutionException ex) {
			String message = String.valueOf(ex.getCause().getMessage());
			if (message.contains("INVALID_ARGUMENT") || message.contains("dimension")) {
				// The request was wrong (a vector of the wrong dimension), not the
				// server.
				throw new IllegalArgumentException("Qdrant refused the request: " + message, ex.getCause());
			}
			throw new VectorStoreException("Qdrant: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new VectorStoreException("Qdrant did not answer within " + this.timeout, ex);
		}
	}

}
