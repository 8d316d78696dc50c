package io.aigenda.mlcontroller.vector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where vectors (voiceprints, transcript chunks) live.
 *
 * @param engine {@code lucene}: an embedded on-disk index, for one machine;
 * {@code qdrant}: a Qdrant server, for a cluster
 * @param directory the embedded index's folder
 * @param qdrant the Qdrant server
 */
@ConfigurationProperties("aigenda.vector-store")
public record VectorStoreProperties(@DefaultValue("lucene") Engine engine,
		@DefaultValue("./data/ml-controller/vectors") Path directory, @DefaultValue Qdrant qdrant) {

	public enum Engine {

		LUCENE, QDRANT

	}

	/**
	 * @param url the gRPC endpoint, {@code http://host:6334} or {@code https://...}
	 * @param apiKey sent with every request when not empty
	 * @param collectionPrefix put before each collection's name
	 * @param timeout of each request
	 */
	public record Qdrant(@DefaultValue("http://127.0.0.1:6334") URI url, @DefaultValue("") String apiKey,
			@DefaultValue("aigenda_") String collectionPrefix, @DefaultValue("10s") Duration timeout) {
	}

}
