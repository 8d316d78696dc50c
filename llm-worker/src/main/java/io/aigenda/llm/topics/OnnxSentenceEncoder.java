package io.aigenda.llm.topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * A BERT-like sentence encoder run by ONNX Runtime in process: the quantised
 * all-MiniLM-L6-v2 that ships inside its Maven artifact, or any encoder exported to a
 * folder as {@code model.onnx} with its Hugging Face {@code tokenizer.json}
 * (multilingual-e5 for Russian), mean-pooled.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {

	private final EmbeddingModel model;

	private final String prefix;

	private OnnxSentenceEncoder(EmbeddingModel model, String prefix) {
		this.model = model;
		this.prefix = prefix == null ? "" : prefix;
	}

	/** The English all-MiniLM-L6-v2 (quantised) from the class path. */
	public static OnnxSentenceEncoder builtIn() {
		return new OnnxSentenceEncoder(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run), "");
	}

	/**
	 * The encoder in {@code folder}.
	 * @throws IllegalArgumentException when the folder lacks {@code model.onnx} or
	 * {@code tokenizer.json}
	 */
	public static OnnxSentenceEncoder fromFolder(Path folder, String prefix) {
		Path model = folder.resolve("model.onnx");
		Path tokenizer = folder.resolve("tokenizer.json");
		if (!Files.isRegularFile(model) || !Files.isRegularFile(tokenizer)) {
			throw new IllegalArgumentException("No model.onnx and tokenizer.json in " + folder);
		}
		// Runnable::run: one meeting at a time, and the worker's two cores are shared
		// with others.
		return new OnnxSentenceEncoder(new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN, Runnable::run),
				prefix);
	}

	@Override
	public List<float[]> encode(List<String> texts) {
		List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(this.prefix + t)).toList();
		List<float[]> vectors = new ArrayList<>();
		for (Embedding embedding : this.model.embedAll(segments).content()) {
			vectors.add(embedding.vector());
		}
		return vectors;
	}

}
