package io.aigenda.mlcontroller.vector;

/** What a collection holds; each has its own index (Lucene) or collection (Qdrant). */
public enum VectorCollection {

	/** One centroid speaker embedding per named person. */
	VOICEPRINTS("voiceprints"),

	/** Embeddings of transcript chunks, for search across meetings. */
	TEXT_CHUNKS("text_chunks");

	private final String storageName;

	VectorCollection(String storageName) {
		this.storageName = storageName;
	}

	public String storageName() {
		return this.storageName;
	}

}
