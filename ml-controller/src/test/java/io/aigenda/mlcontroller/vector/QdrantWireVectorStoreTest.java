package io.aigenda.mlcontroller.vector;

import java.time.Duration;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract through the Qdrant adapter and the real Qdrant gRPC client against
 * {@link InProcessQdrant}, so the adapter's requests are checked on every build; the same
 * suite runs against a real server when {@code QDRANT_URL} is set
 * ({@link QdrantVectorStoreTest}).
 */
class QdrantWireVectorStoreTest extends VectorStoreContract {

	private final InProcessQdrant server = new InProcessQdrant();

	@Override
	VectorStore openStore() {
		return new QdrantVectorStore(
				new QdrantClient(QdrantGrpcClient.newBuilder(this.server.channel(), true, false).build()), "test_",
				Duration.ofSeconds(10));
	}

	@Override
	VectorStore reopenStore() {
		return openStore();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}
