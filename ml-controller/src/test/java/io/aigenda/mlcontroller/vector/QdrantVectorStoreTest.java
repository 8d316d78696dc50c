package io.aigenda.mlcontroller.vector;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against a real Qdrant server at {@code QDRANT_URL} (its gRPC port, for
 * example {@code http://127.0.0.1:6334}). Each run uses its own collection prefix.
 */
@EnabledIfEnvironmentVariable(named = "QDRANT_URL", matches = ".+")
class QdrantVectorStoreTest extends VectorStoreContract {

	private final String prefix = "test_" + UUID.randomUUID().toString().replace("-", "") + "_";

	@Override
	VectorStore openStore() {
		return VectorStoreConfiguration.qdrant(new VectorStoreProperties.Qdrant(URI.create(System.getenv("QDRANT_URL")),
				System.getenv().getOrDefault("QDRANT_API_KEY", ""), this.prefix, Duration.ofSeconds(10)));
	}

	@Override
	VectorStore reopenStore() {
		return openStore();
	}

	/** Drops this run's collections from the shared server. */
	@AfterEach
	void dropCollections() throws Exception {
		URI url = URI.create(System.getenv("QDRANT_URL"));
		QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(url.getHost(),
				url.getPort() > 0 ? url.getPort() : 6334, "https".equalsIgnoreCase(url.getScheme()), false);
		String apiKey = System.getenv().getOrDefault("QDRANT_API_KEY", "");
		if (!apiKey.isEmpty()) {
			grpc.withApiKey(apiKey);
		}
		try (QdrantClient client = new QdrantClient(grpc.build())) {
			for (VectorCollection collection : VectorCollection.values()) {
				String name = this.prefix + collection.storageName();
				if (client.collectionExistsAsync(name).get()) {
					client.deleteCollectionAsync(name).get();
				}
			}
		}
	}

}
