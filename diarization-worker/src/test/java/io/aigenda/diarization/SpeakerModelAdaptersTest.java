package io.aigenda.diarization;

import java.nio.file.Path;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.DiarizationProperties.Models.EmbedderKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ONNX and TorchScript adapters run the production loaders and inference on small
 * models with the real models' inputs and outputs (see
 * src/test/resources/models/README.md), and match what PyTorch computed for the same real
 * recording.
 */
class SpeakerModelAdaptersTest {

	private static final Path SHARED = Path.of(System.getProperty("aigenda.shared", "../shared"));

	private static Audio jfk;

	@BeforeAll
	static void decode() {
		jfk = AudioDecoders.detect().decode(SHARED.resolve("eval-dev/asr/en/jfk.wav"));
	}

	@Test
	void onnxEmbedderMatchesPyTorchOnTheSameRecording() throws Exception {
		float[] expected = TestModels.floats("embedding.f32");
		try (OnnxSpeakerEmbedder embedder = new OnnxSpeakerEmbedder(model("tiny-wespeaker.onnx"), "cpu")) {
			float[] actual = embedder.raw(jfk, List.of(new SpeakerSegmenter.Window(0, 4, 0, 4)))[0];

			assertThat(actual).hasSize(256);
			assertThat(relativeDifference(actual, expected)).isLessThan(1e-3);
		}
	}

	@Test
	void torchScriptEmbedderAgreesWithTheOnnxOneThroughDjl() {
		List<SpeakerSegmenter.Window> windows = List.of(new SpeakerSegmenter.Window(0, 1.5, 0, 11),
				new SpeakerSegmenter.Window(0.75, 2.25, 0, 11), new SpeakerSegmenter.Window(3, 7, 0, 11));
		try (OnnxSpeakerEmbedder onnx = new OnnxSpeakerEmbedder(model("tiny-wespeaker.onnx"), "cpu");
				TorchScriptSpeakerEmbedder torch = new TorchScriptSpeakerEmbedder(model("tiny-wespeaker.pt"))) {
			float[][] a = onnx.raw(jfk, windows);
			float[][] b = torch.raw(jfk, windows);
			for (int w = 0; w < windows.size(); w++) {
				assertThat(relativeDifference(b[w], a[w])).isLessThan(1e-4);
			}
			float[][] normalised = torch.embed(jfk, windows);
			assertThat(norm(normalised[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
		}
	}

	@Test
	void segmentationModelOutputMatchesPyTorchAndDecodesToTheSameClasses() throws Exception {
		float[] expected = TestModels.floats("segmentation.f32");
		try (PyannoteSegmenter segmenter = new PyannoteSegmenter(model("tiny-segmentation.onnx"), "cpu", 2.5, 1.5)) {
			float[][] output = segmenter.logProbabilities(jfk, List.of(0))[0];

			assertThat(output.length).isEqualTo(589);
			assertThat(output[0]).hasSize(7);
			double worst = 0;
			for (int f = 0; f < 589; f++) {
				for (int c = 0; c < 7; c++) {
					worst = Math.max(worst, Math.abs(output[f][c] - expected[f * 7 + c]));
				}
			}
			assertThat(worst).isLessThan(1e-3);
			int[] counts = new int[7];
			for (int c : PyannoteSegmenter.decode(output)) {
				counts[c]++;
			}
			// reference.json: segmentationClassCounts
			assertThat(counts).containsExactly(21, 276, 292, 0, 0, 0, 0);
		}
	}

	@Test
	void wholePipelineRunsOnTheModelPathWithOverlapAwareTurns() {
		DiarizationProperties properties = DiarizationProperties.defaults()
			.withModels(DiarizationProperties.Models.defaults()
				.withEmbedder(EmbedderKind.ONNX, model("tiny-wespeaker.onnx"))
				.withSegmentation(model("tiny-segmentation.onnx")));
		try (Diarizer diarizer = Diarizer.create(properties)) {
			DiarizationDocument document = diarizer.diarize(
					AudioDecoders.detect().decode(SHARED.resolve("eval-dev/diarization/pyannote_sample/sample.wav")),
					null, 3);

			assertThat(document.engine()).isEqualTo("pyannote-onnx-agglomerative");
			assertThat(document.turns()).isNotEmpty();
			assertThat(document.speakers().size()).isBetween(1, 3);
			for (SpeakerTurn turn : document.turns()) {
				assertThat(turn.start()).isGreaterThanOrEqualTo(0);
				assertThat(turn.end()).isLessThanOrEqualTo(document.durationSeconds() + 0.05)
					.isGreaterThan(turn.start());
			}
		}
	}

	/**
	 * A pulled model gets the same calibrated scale, single-speaker test and count
	 * estimate as the default embedder once a calibration written for it lies beside it
	 * ({@code NAME.calibration.tsv}); without one it keeps the cut, and a calibration
	 * made for another model is refused in one line.
	 */
	@Test
	void aPulledModelUsesTheCalibrationWrittenBesideIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		java.nio.file.Path onnx = dir.resolve("tiny-wespeaker.onnx");
		java.nio.file.Files.copy(java.nio.file.Path.of(model("tiny-wespeaker.onnx")), onnx);
		DiarizationProperties properties = DiarizationProperties.defaults()
			.withModels(DiarizationProperties.Models.defaults().withEmbedder(EmbedderKind.ONNX, onnx.toString()));
		var audio = AudioDecoders.detect().decode(SHARED.resolve("eval-dev/diarization/pyannote_sample/sample.wav"));
		float[][] raw;
		try (Diarizer diarizer = Diarizer.create(properties)) {
			Diarizer.Embedded embedded = diarizer.embed(audio);
			assertThat(embedded.calibrated()).isNull();
			raw = Diarizer.embedder(properties).raw(audio, embedded.segmentation().windows());
		}
		// background statistics of this model's windows, identity whitening
		int dims = raw[0].length;
		StringBuilder file = new StringBuilder("# test calibration\n");
		double[] mean = new double[dims];
		double[] deviation = new double[dims];
		for (float[] window : raw) {
			for (int d = 0; d < dims; d++) {
				mean[d] += window[d] / raw.length;
			}
		}
		for (float[] window : raw) {
			for (int d = 0; d < dims; d++) {
				deviation[d] += (window[d] - mean[d]) * (window[d] - mean[d]) / raw.length;
			}
		}
		file.append(join(mean))
			.append(join(java.util.Arrays.stream(deviation).map(v -> Math.sqrt(v) + 1e-6).toArray()));
		for (int d = 0; d < dims; d++) {
			double[] row = new double[dims];
			row[d] = 1;
			file.append(join(row));
		}
		java.nio.file.Path calibration = dir.resolve("tiny-wespeaker.calibration.tsv");
		assertThat(SpeakerCalibration.besideModel(onnx.toString())).isEqualTo(calibration);
		java.nio.file.Files.writeString(calibration, file);
		try (Diarizer diarizer = Diarizer.create(properties)) {
			Diarizer.Embedded embedded = diarizer.embed(audio);
			assertThat(embedded.calibrated()).hasNumberOfRows(raw.length);
			assertThat(embedded.calibrated()[0]).hasSize(dims);
			assertThat(embedded.separation()).isPositive();
			assertThat(diarizer.diarize(audio, null, null).turns()).isNotEmpty();
		}
		java.nio.file.Files.writeString(calibration, "# made for another model\n0\t0\n1\t1\n1\t0\n0\t1\n");
		try (Diarizer diarizer = Diarizer.create(properties)) {
			assertThatThrownBy(() -> diarizer.embed(audio)).isInstanceOf(IllegalStateException.class)
				.hasMessage("The speaker calibration has 2 dimensions but the embedder gives " + dims
						+ ": it was made for another model (scripts/calibrate-speakers.py)");
		}
	}

	private static String join(double[] values) {
		return java.util.Arrays.stream(values)
			.mapToObj(v -> String.format(java.util.Locale.ROOT, "%.6g", v))
			.collect(java.util.stream.Collectors.joining("\t")) + "\n";
	}

	@Test
	void missingModelOrDeviceIsAClearError() {
		assertThatThrownBy(() -> new OnnxSpeakerEmbedder("/nonexistent/wespeaker.onnx", "cpu"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("does not exist")
			.hasMessageContaining("models pull");
		assertThatThrownBy(() -> new OnnxSpeakerEmbedder(model("tiny-wespeaker.onnx"), "tpu"))
			.hasMessageContaining("Unknown device tpu");
	}

	private static String model(String name) {
		return TestModels.model(name);
	}

	private static double relativeDifference(float[] actual, float[] expected) {
		double difference = 0;
		for (int i = 0; i < expected.length; i++) {
			difference += (actual[i] - expected[i]) * (double) (actual[i] - expected[i]);
		}
		return Math.sqrt(difference) / norm(expected);
	}

	private static double norm(float[] v) {
		double sum = 0;
		for (float x : v) {
			sum += x * (double) x;
		}
		return Math.sqrt(sum);
	}

}
