package io.aigenda.diarization;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.aigenda.audio.Audio;

/**
 * Speaker embeddings from a WeSpeaker-style ONNX model (ResNet34 on VoxCeleb from
 * {@code aigenda models pull wespeaker-voxceleb-resnet34}): input Kaldi fbank (batch,
 * frames, 80), output (batch, dimension). Embeddings are standardised over the recording
 * and length-normalised, like the other embedders, so one clustering threshold serves
 * them all.
 */
final class OnnxSpeakerEmbedder implements SpeakerEmbedder, AutoCloseable {

	private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

	private final OrtSession session;

	private final String input;

	private final FbankWindows fbank = new FbankWindows();

	OnnxSpeakerEmbedder(String file, String device) {
		this.session = OnnxModels.open(file, device, "speaker embedding");
		this.input = this.session.getInputNames().iterator().next();
	}

	/** The model's own output per window, before any normalisation. */
	@Override
	public float[][] raw(Audio audio, List<SpeakerSegmenter.Window> windows) {
		return this.fbank.embed(audio, windows, (flat, batch, frames) -> {
			long[] shape = { batch, frames, 80 };
			try (OnnxTensor tensor = OnnxTensor.createTensor(this.environment, FloatBuffer.wrap(flat), shape);
					OrtSession.Result result = this.session.run(Map.of(this.input, tensor))) {
				return (float[][]) result.get(0).getValue();
			}
			catch (OrtException ex) {
				throw new IllegalStateException("The speaker embedding model failed: " + ex.getMessage(), ex);
			}
		});
	}

	@Override
	public void close() {
		try {
			this.session.close();
		}
		catch (OrtException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
