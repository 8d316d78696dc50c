package io.aigenda.mlcontroller.vector;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the vector store adapter named by {@code aigenda.vector-store.engine}. */
@Configuration(proxyBeanMethods = false)
class VectorStoreConfiguration {

	@Bean(destroyMethod = "close")
	VectorStore vectorStore(VectorStoreProperties properties) {
		return switch (properties.engine()) {
			case LUCENE -> new LuceneVectorStore(properties.directory());
			case QDRANT -> qdrant(properties.qdrant());
		};
	}

	static QdrantVectorStore qdrant(VectorStoreProperties.Qdrant qdrant) {
		boolean tls = "https".equalsIgnoreCase(qdrant.url().getScheme());
		int port = qdrant.url().getPort() > 0 ? qdrant.url().getPort() : 6334;
		QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(qdrant.url().getHost(), port, tls, false)
			.withTimeout(qdrant.timeout());
		if (!qdrant.apiKey().isEmpty()) {
			grpc.withApiKey(qdrant.apiKey());
		}
		return new QdrantVectorStore(new QdrantClient(grpc.build()), qdrant.collectionPrefix(), qdrant.timeout());
	}

}
