package io.aigenda.llm.topics;

import java.util.List;

/** Turns texts into sentence embeddings. */
public interface SentenceEncoder extends AutoCloseable {

	/** One embedding per text, in order; all of the same dimension. */
	List<float[]> encode(List<String> texts);

	@Override
	default void close() {
	}

}
