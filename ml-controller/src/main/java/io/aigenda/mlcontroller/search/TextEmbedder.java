package io.aigenda.mlcontroller.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings for search, by ONNX Runtime in process: the built-in
 * all-MiniLM-L6-v2 (quantised) or any BERT-like encoder exported to a folder,
 * mean-pooled.
 */
public final class TextEmbedder {

	private final EmbeddingModel model;

	private final String queryPrefix;

	private final String passagePrefix;

	public TextEmbedder(SearchProperties properties) {
		if (properties.modelDirectory().isBlank()) {
			this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
		}
		else {
			Path folder = Path.of(properties.modelDirectory());
			Path onnx = folder.resolve("model.onnx");
			Path tokenizer = folder.resolve("tokenizer.json");
			if (!Files.isRegularFile(onnx) || !Files.isRegularFile(tokenizer)) {
				throw new IllegalArgumentException(
						"No model.onnx and tokenizer.json in " + folder + " (aigenda.search.model-directory)");
			}
			this.model = new OnnxEmbeddingModel(onnx, tokenizer, PoolingMode.MEAN, Runnable::run);
		}
		this.queryPrefix = properties.queryPrefix();
		this.passagePrefix = properties.passagePrefix();
	}

	public float[] query(String text) {
		return this.model.embed(this.queryPrefix + text).content().vector();
	}

	public List<float[]> passages(List<String> texts) {
		return this.model.embedAll(texts.stream().map(t -> TextSegment.from(this.passagePrefix + t)).toList())
			.content()
			.stream()
			.map(e -> e.vector())
			.toList();
	}

}
