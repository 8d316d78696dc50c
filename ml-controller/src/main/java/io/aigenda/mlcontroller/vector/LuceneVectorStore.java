package io.aigenda.mlcontroller.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded vector store: one Lucene index per collection under a directory, searched
 * through its HNSW graph with the organisation as a pre-filter, so results are exact per
 * organisation. Vectors are stored unit length and compared by dot product, which equals
 * their cosine.
 */
public final class LuceneVectorStore implements VectorStore {

	private static final String KEY = "key";

	private static final String ORGANISATION = "organisation";

	private static final String ID = "id";

	private static final String VECTOR = "vector";

	private static final String RAW_VECTOR = "raw_vector";

	private static final String PAYLOAD_PREFIX = "p_";

	private final Path directory;

	private final Map<VectorCollection, Index> indexes = new EnumMap<>(VectorCollection.class);

	public LuceneVectorStore(Path directory) {
		this.directory = directory;
	}

	@Override
	public void upsert(VectorCollection collection, UUID organisationId, List<VectorPoint> points) {
		if (points.isEmpty()) {
			return;
		}
		Index index = index(collection);
		int dimension = points.get(0).vector().length;
		for (VectorPoint point : points) {
			if (point.vector().length != dimension) {
				throw new IllegalArgumentException("vectors of one upsert differ in dimension");
			}
			point.payload().keySet().forEach(Vectors::requireKey);
		}
		index.requireDimension(dimension);
		try {
			for (VectorPoint point : points) {
				index.writer.updateDocument(keyTerm(organisationId, point.id()), document(organisationId, point));
			}
			index.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<VectorMatch> search(VectorCollection collection, UUID organisationId, float[] query, int limit,
			double minScore) {
		if (limit <= 0) {
			return List.of();
		}
		Index index = index(collection);
		Integer dimension = index.dimension();
		if (dimension == null) {
			return List.of();
		}
		if (dimension != query.length) {
			throw new IllegalArgumentException("query has dimension " + query.length + ", the collection " + dimension);
		}
		Query knn = new KnnFloatVectorQuery(VECTOR, Vectors.normalised(query), limit,
				new TermQuery(new Term(ORGANISATION, organisationId.toString())));
		return index.read(searcher -> {
			TopDocs top = searcher.search(knn, limit);
			StoredFields stored = searcher.storedFields();
			List<VectorMatch> matches = new ArrayList<>();
			for (ScoreDoc hit : top.scoreDocs) {
				// Lucene maps a dot product d of unit vectors to the score (1 + d) / 2.
				double cosine = 2.0 * hit.score - 1.0;
				if (cosine >= minScore) {
					Document doc = stored.document(hit.doc);
					matches.add(new VectorMatch(UUID.fromString(doc.get(ID)), cosine, payload(doc)));
				}
			}
			return matches;
		});
	}

	@Override
	public Optional<VectorPoint> get(VectorCollection collection, UUID organisationId, UUID id) {
		List<VectorPoint> found = index(collection)
			.read(searcher -> points(searcher, new TermQuery(keyTerm(organisationId, id))));
		return found.stream().findFirst();
	}

	@Override
	public List<VectorPoint> list(VectorCollection collection, UUID organisationId) {
		return index(collection)
			.read(searcher -> points(searcher, new TermQuery(new Term(ORGANISATION, organisationId.toString()))));
	}

	@Override
	public boolean delete(VectorCollection collection, UUID organisationId, UUID id) {
		Index index = index(collection);
		Term key = keyTerm(organisationId, id);
		boolean present = index.read(searcher -> searcher.count(new TermQuery(key)) > 0);
		if (present) {
			try {
				index.writer.deleteDocuments(key);
				index.commit();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return present;
	}

	@Override
	public void deleteWhere(VectorCollection collection, UUID organisationId, String key, String value) {
		Vectors.requireKey(key);
		Index index = index(collection);
		Query query = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(ORGANISATION, organisationId.toString())), Occur.FILTER)
			.add(new TermQuery(new Term(PAYLOAD_PREFIX + key, value)), Occur.FILTER)
			.build();
		try {
			index.writer.deleteDocuments(query);
			index.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void close() {
		for (Index index : this.indexes.values()) {
			index.close();
		}
		this.indexes.clear();
	}

	private synchronized Index index(VectorCollection collection) {
		return this.indexes.computeIfAbsent(collection, c -> new Index(this.directory.resolve(c.storageName())));
	}

	private static Term keyTerm(UUID organisationId, UUID id) {
		return new Term(KEY, organisationId + "/" + id);
	}

	private static Document document(UUID organisationId, VectorPoint point) {
		float[] unit = Vectors.normalised(point.vector());
		Document doc = new Document();
		doc.add(new StringField(KEY, organisationId + "/" + point.id(), Field.Store.NO));
		doc.add(new StringField(ORGANISATION, organisationId.toString(), Field.Store.NO));
		doc.add(new StringField(ID, point.id().toString(), Field.Store.YES));
		doc.add(new KnnFloatVectorField(VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
		// The caller's vector as given, so get() and list() return what was stored.
		ByteBuffer raw = ByteBuffer.allocate(point.vector().length * Float.BYTES);
		raw.asFloatBuffer().put(point.vector());
		doc.add(new StoredField(RAW_VECTOR, new BytesRef(raw.array())));
		point.payload().forEach((k, v) -> doc.add(new StringField(PAYLOAD_PREFIX + k, v, Field.Store.YES)));
		return doc;
	}

	private static List<VectorPoint> points(IndexSearcher searcher, Query query) throws IOException {
		int max = Math.max(1, searcher.getIndexReader().maxDoc());
		TopDocs top = searcher.search(query, max);
		StoredFields stored = searcher.storedFields();
		List<VectorPoint> points = new ArrayList<>(top.scoreDocs.length);
		for (ScoreDoc hit : top.scoreDocs) {
			Document doc = stored.document(hit.doc);
			BytesRef raw = doc.getBinaryValue(RAW_VECTOR);
			float[] vector = new float[raw.length / Float.BYTES];
			ByteBuffer.wrap(raw.bytes, raw.offset, raw.length).asFloatBuffer().get(vector);
			points.add(new VectorPoint(UUID.fromString(doc.get(ID)), vector, payload(doc)));
		}
		return points;
	}

	private static Map<String, String> payload(Document doc) {
		Map<String, String> payload = new HashMap<>();
		for (IndexableField field : doc.getFields()) {
			if (field.name().startsWith(PAYLOAD_PREFIX)) {
				payload.put(field.name().substring(PAYLOAD_PREFIX.length()), field.stringValue());
			}
		}
		return payload;
	}

	@FunctionalInterface
	private interface Read<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	/** One collection's index: its writer and a searcher refreshed after each commit. */
	private static final class Index {

		private final FSDirectory directory;

		private final IndexWriter writer;

		private final SearcherManager searchers;

		Index(Path path) {
			try {
				Files.createDirectories(path);
				this.directory = FSDirectory.open(path);
				this.writer = new IndexWriter(this.directory, new IndexWriterConfig());
				this.searchers = new SearcherManager(this.writer, null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * The dimension of the stored vectors, or null while the index has never had one.
		 */
		Integer dimension() {
			return read(searcher -> {
				FieldInfo info = FieldInfos.getMergedFieldInfos(searcher.getIndexReader()).fieldInfo(VECTOR);
				return info == null ? null : info.getVectorDimension();
			});
		}

		void requireDimension(int dimension) {
			Integer existing = dimension();
			if (existing != null && existing != dimension) {
				throw new IllegalArgumentException(
						"vector has dimension " + dimension + ", the collection " + existing);
			}
		}

		void commit() throws IOException {
			this.writer.commit();
			this.searchers.maybeRefreshBlocking();
		}

		<T> T read(Read<T> read) {
			try {
				IndexSearcher searcher = this.searchers.acquire();
				try {
					return read.apply(searcher);
				}
				finally {
					this.searchers.release(searcher);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void close() {
			try {
				this.searchers.close();
				this.writer.close();
				this.directory.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
