package io.aigenda.mlcontroller.vector;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against a real Qdrant server at {@code QDRANT_URL} (its gRPC port, for example
 * {@code http://127.0.0.1:6334}). Each run uses its own collection prefix.
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

}
