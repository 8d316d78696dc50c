package io.aigenda.diarization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.aigenda.audio.Audio;

/**
 * Speaker embeddings from a WeSpeaker-style TorchScript model, run by DJL's PyTorch
 * engine: the same fbank input (batch, frames, 80) and output (batch, dimension) as the
 * ONNX embedder, for models published as TorchScript only.
 */
final class TorchScriptSpeakerEmbedder implements SpeakerEmbedder, AutoCloseable {

	private final ZooModel<NDList, NDList> model;

	private final FbankWindows fbank = new FbankWindows();

	TorchScriptSpeakerEmbedder(String file) {
		Path path = Path.of(file);
		if (!Files.isRegularFile(path)) {
			throw new IllegalArgumentException("The speaker embedding model " + file + " does not exist");
		}
		Criteria<NDList, NDList> criteria = Criteria.builder()
			.setTypes(NDList.class, NDList.class)
			.optModelPath(path)
			.optEngine("PyTorch")
			.optTranslator(new NoopTranslator())
			.build();
		try {
			this.model = criteria.loadModel();
		}
		catch (IOException | ModelNotFoundException | MalformedModelException ex) {
			throw new IllegalArgumentException("Cannot load the TorchScript model " + file + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public float[][] raw(Audio audio, List<SpeakerSegmenter.Window> windows) {
		try (Predictor<NDList, NDList> predictor = this.model.newPredictor();
				NDManager manager = NDManager.newBaseManager("PyTorch")) {
			return this.fbank.embed(audio, windows, (flat, batch, frames) -> {
				try {
					NDArray output = predictor.predict(new NDList(manager.create(flat, new Shape(batch, frames, 80))))
						.singletonOrThrow();
					int dims = (int) output.getShape().get(1);
					float[] values = output.toFloatArray();
					float[][] rows = new float[batch][];
					for (int k = 0; k < batch; k++) {
						rows[k] = java.util.Arrays.copyOfRange(values, k * dims, (k + 1) * dims);
					}
					return rows;
				}
				catch (TranslateException ex) {
					throw new IllegalStateException(
							"The TorchScript speaker embedding model failed: " + ex.getMessage(), ex);
				}
			});
		}
	}

	@Override
	public void close() {
		this.model.close();
	}

}
