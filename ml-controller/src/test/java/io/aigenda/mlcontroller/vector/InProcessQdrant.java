package io.aigenda.mlcontroller.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.GetResponse;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * A stand-in for a Qdrant server where none runs: Qdrant's own gRPC services (generated
 * from its published protos, shipped in {@code io.qdrant:client}) served in process, with
 * the subset of behaviour the adapter relies on: collections with a fixed dimension,
 * upsert, cosine search with a score threshold, scroll with paging, retrieve, delete, and
 * filters of keyword matches and ids. Errors are Qdrant's: {@code INVALID_ARGUMENT} for a
 * vector of the wrong dimension, {@code NOT_FOUND} for a missing collection.
 */
final class InProcessQdrant implements AutoCloseable {

	private final String name = "qdrant-" + java.util.UUID.randomUUID();

	private final Map<String, Collection> collections = new ConcurrentHashMap<>();

	private final Server server;

	private record Collection(int dimension, Map<String, PointStruct> points) {
	}

	InProcessQdrant() {
		try {
			this.server = InProcessServerBuilder.forName(this.name)
				.directExecutor()
				.addService(new Collections())
				.addService(new Points())
				.build()
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ManagedChannel channel() {
		return InProcessChannelBuilder.forName(this.name).directExecutor().build();
	}

	@Override
	public void close() {
		this.server.shutdownNow();
	}

	private Collection collection(String name) {
		Collection collection = this.collections.get(name);
		if (collection == null) {
			throw Status.NOT_FOUND.withDescription("Not found: Collection `" + name + "` doesn't exist!")
				.asRuntimeException();
		}
		return collection;
	}

	private static List<Float> data(PointStruct point) {
		var vector = point.getVectors().getVector();
		return vector.getDataCount() > 0 ? vector.getDataList() : vector.getDense().getDataList();
	}

	private static boolean matches(PointStruct point, Filter filter) {
		for (Condition condition : filter.getMustList()) {
			switch (condition.getConditionOneOfCase()) {
				case FIELD -> {
					Value value = point.getPayloadMap().get(condition.getField().getKey());
					if (value == null || !value.getStringValue().equals(condition.getField().getMatch().getKeyword())) {
						return false;
					}
				}
				case HAS_ID -> {
					if (condition.getHasId().getHasIdList().stream().noneMatch(id -> id.equals(point.getId()))) {
						return false;
					}
				}
				default -> throw Status.UNIMPLEMENTED.withDescription("condition " + condition.getConditionOneOfCase())
					.asRuntimeException();
			}
		}
		return true;
	}

	private static RetrievedPoint retrieved(PointStruct point, boolean withVector) {
		RetrievedPoint.Builder builder = RetrievedPoint.newBuilder()
			.setId(point.getId())
			.putAllPayload(point.getPayloadMap());
		if (withVector) {
			builder.setVectors(VectorsOutput.newBuilder().setVector(VectorOutput.newBuilder().addAllData(data(point))));
		}
		return builder.build();
	}

	private static String key(PointId id) {
		return id.getUuid();
	}

	private static <T> void answer(StreamObserver<T> observer, java.util.function.Supplier<T> body) {
		try {
			observer.onNext(body.get());
			observer.onCompleted();
		}
		catch (RuntimeException ex) {
			observer.onError(ex instanceof io.grpc.StatusRuntimeException ? ex
					: Status.INTERNAL.withDescription(ex.getMessage()).asRuntimeException());
		}
	}

	private static PointsOperationResponse completed() {
		return PointsOperationResponse.newBuilder()
			.setResult(UpdateResult.newBuilder().setStatus(UpdateStatus.Completed))
			.build();
	}

	private final class Collections extends CollectionsGrpc.CollectionsImplBase {

		@Override
		public void collectionExists(CollectionExistsRequest request,
				StreamObserver<CollectionExistsResponse> observer) {
			answer(observer,
					() -> CollectionExistsResponse.newBuilder()
						.setResult(io.qdrant.client.grpc.Collections.CollectionExists.newBuilder()
							.setExists(InProcessQdrant.this.collections.containsKey(request.getCollectionName())))
						.build());
		}

		@Override
		public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
			answer(observer, () -> {
				int dimension = (int) request.getVectorsConfig().getParams().getSize();
				InProcessQdrant.this.collections.putIfAbsent(request.getCollectionName(),
						new Collection(dimension, new ConcurrentHashMap<>()));
				return CollectionOperationResponse.newBuilder().setResult(true).build();
			});
		}

	}

	private final class Points extends PointsGrpc.PointsImplBase {

		@Override
		public void createFieldIndex(CreateFieldIndexCollection request,
				StreamObserver<PointsOperationResponse> observer) {
			answer(observer, () -> {
				collection(request.getCollectionName());
				return completed();
			});
		}

		@Override
		public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
			answer(observer, () -> {
				Collection collection = collection(request.getCollectionName());
				for (PointStruct point : request.getPointsList()) {
					int got = data(point).size();
					if (got != collection.dimension()) {
						throw Status.INVALID_ARGUMENT
							.withDescription("Wrong input: Vector dimension error: expected dim: "
									+ collection.dimension() + ", got " + got)
							.asRuntimeException();
					}
				}
				request.getPointsList().forEach(p -> collection.points().put(key(p.getId()), p));
				return completed();
			});
		}

		@Override
		public void search(SearchPoints request, StreamObserver<SearchResponse> observer) {
			answer(observer, () -> {
				Collection collection = collection(request.getCollectionName());
				List<Float> query = request.getVectorList();
				if (query.size() != collection.dimension()) {
					throw Status.INVALID_ARGUMENT
						.withDescription("Wrong input: Vector dimension error: expected dim: " + collection.dimension()
								+ ", got " + query.size())
						.asRuntimeException();
				}
				List<ScoredPoint> hits = new ArrayList<>();
				for (PointStruct point : collection.points().values()) {
					if (!matches(point, request.getFilter())) {
						continue;
					}
					float score = (float) cosine(query, data(point));
					if (!request.hasScoreThreshold() || score >= request.getScoreThreshold()) {
						hits.add(ScoredPoint.newBuilder()
							.setId(point.getId())
							.setScore(score)
							.putAllPayload(point.getPayloadMap())
							.build());
					}
				}
				hits.sort(Comparator.comparingDouble(ScoredPoint::getScore).reversed());
				return SearchResponse.newBuilder()
					.addAllResult(hits.subList(0, (int) Math.min(hits.size(), request.getLimit())))
					.build();
			});
		}

		@Override
		public void scroll(ScrollPoints request, StreamObserver<ScrollResponse> observer) {
			answer(observer, () -> {
				Collection collection = collection(request.getCollectionName());
				TreeMap<String, PointStruct> sorted = new TreeMap<>(collection.points());
				List<PointStruct> page = new ArrayList<>();
				String next = null;
				for (var entry : (request.hasOffset() ? sorted.tailMap(key(request.getOffset()), true) : sorted)
					.entrySet()) {
					if (!matches(entry.getValue(), request.getFilter())) {
						continue;
					}
					if (page.size() == request.getLimit()) {
						next = entry.getKey();
						break;
					}
					page.add(entry.getValue());
				}
				boolean withVectors = request.getWithVectors().getEnable();
				ScrollResponse.Builder response = ScrollResponse.newBuilder();
				page.forEach(p -> response.addResult(retrieved(p, withVectors)));
				if (next != null) {
					response.setNextPageOffset(PointId.newBuilder().setUuid(next));
				}
				return response.build();
			});
		}

		@Override
		public void get(GetPoints request, StreamObserver<GetResponse> observer) {
			answer(observer, () -> {
				Collection collection = collection(request.getCollectionName());
				GetResponse.Builder response = GetResponse.newBuilder();
				for (PointId id : request.getIdsList()) {
					PointStruct point = collection.points().get(key(id));
					if (point != null) {
						response.addResult(retrieved(point, request.getWithVectors().getEnable()));
					}
				}
				return response.build();
			});
		}

		@Override
		public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> observer) {
			answer(observer, () -> {
				Collection collection = collection(request.getCollectionName());
				if (request.getPoints().hasFilter()) {
					collection.points().values().removeIf(p -> matches(p, request.getPoints().getFilter()));
				}
				else {
					request.getPoints().getPoints().getIdsList().forEach(id -> collection.points().remove(key(id)));
				}
				return completed();
			});
		}

	}

	private static double cosine(List<Float> a, List<Float> b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.size(); i++) {
			dot += a.get(i) * b.get(i);
			na += a.get(i) * a.get(i);
			nb += b.get(i) * b.get(i);
		}
		return dot / Math.sqrt(na * nb);
	}

}
