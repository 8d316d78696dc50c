package io.aigenda.diarization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed scale for the default path's raw window embeddings (i-vector + MFCC
 * statistics), the same on every recording: standardised against background statistics of
 * the development recordings, then whitened by the within-speaker covariance of their
 * speakers (within-class covariance normalisation, shrunk towards a scaled identity). On
 * this scale one speaker's windows scatter about equally in all directions, so a distance
 * has one meaning whatever the recording. Written by
 * {@code scripts/calibrate-speakers.py} into {@code speaker-calibration.tsv} (bundled),
 * or beside a pulled embedding model for that model ({@link #forModels}).
 */
final class SpeakerCalibration {

	static final String RESOURCE = "speaker-calibration.tsv";

	private final double[] mean;

	private final double[] std;

	private final double[][] whiten;

	SpeakerCalibration(double[] mean, double[] std, double[][] whiten) {
		this.mean = mean;
		this.std = std;
		this.whiten = whiten;
	}

	/** The calibration bundled for the {@code ivector-mfcc} embedder. */
	static SpeakerCalibration bundled() {
		try (InputStream in = SpeakerCalibration.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The bundled speaker calibration " + RESOURCE + " is missing");
			}
			return parse(in, RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	/**
	 * The calibration of the configured embedder: the bundled one for
	 * {@code ivector-mfcc}; for a pulled model, the file {@link #besideModel} names when
	 * it is there (written by {@code scripts/calibrate-speakers.py} from dev recordings
	 * embedded with that model); otherwise none, and the speaker count keeps the cut.
	 */
	static SpeakerCalibration forModels(DiarizationProperties.Models models) {
		return switch (models.embedder()) {
			case IVECTOR_MFCC -> bundled();
			case ONNX, TORCHSCRIPT -> {
				Path file = besideModel(models.embeddingModel());
				if (file == null || !Files.isRegularFile(file)) {
					yield null;
				}
				try (InputStream in = Files.newInputStream(file)) {
					yield parse(in, file.toString());
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot read the speaker calibration " + file, ex);
				}
			}
			default -> null;
		};
	}

	/**
	 * Where a pulled model's calibration lives: beside the model, named after it
	 * ({@code wespeaker-voxceleb-resnet34-LM.onnx} ->
	 * {@code wespeaker-voxceleb-resnet34-LM.calibration.tsv}); null without a model.
	 */
	static Path besideModel(String model) {
		if (model == null || model.isBlank()) {
			return null;
		}
		Path path = Path.of(model);
		String name = path.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return path.resolveSibling(((dot > 0) ? name.substring(0, dot) : name) + ".calibration.tsv");
	}

	private static SpeakerCalibration parse(InputStream in, String name) throws IOException {
		List<double[]> rows = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (!line.isBlank() && !line.startsWith("#")) {
				try {
					rows.add(Arrays.stream(line.split("\t")).mapToDouble(Double::parseDouble).toArray());
				}
				catch (NumberFormatException ex) {
					throw new IllegalStateException(name + " holds a value that is not a number: " + ex.getMessage());
				}
			}
		}
		int dims = rows.isEmpty() ? 0 : rows.get(0).length;
		if (dims == 0 || rows.size() != dims + 2 || rows.stream().anyMatch(r -> r.length != dims)) {
			throw new IllegalStateException(name + " needs a mean, a deviation and " + dims + " rows of " + dims
					+ " values (scripts/calibrate-speakers.py writes it)");
		}
		return new SpeakerCalibration(rows.get(0), rows.get(1), rows.subList(2, rows.size()).toArray(double[][]::new));
	}

	int dimensions() {
		return this.mean.length;
	}

	/**
	 * Raw embeddings on the calibrated scale; {@code null} for no windows.
	 * @throws IllegalStateException when the calibration was made for embeddings of
	 * another size (another model)
	 */
	float[][] apply(float[][] raw) {
		if (raw.length == 0) {
			return null;
		}
		if (raw[0].length != this.mean.length) {
			throw new IllegalStateException(
					"The speaker calibration has " + this.mean.length + " dimensions but the embedder gives "
							+ raw[0].length + ": it was made for another model (scripts/calibrate-speakers.py)");
		}
		int dims = this.mean.length;
		float[][] out = new float[raw.length][dims];
		double[] z = new double[dims];
		for (int w = 0; w < raw.length; w++) {
			for (int d = 0; d < dims; d++) {
				z[d] = (raw[w][d] - this.mean[d]) / this.std[d];
			}
			for (int k = 0; k < dims; k++) {
				double sum = 0;
				for (int d = 0; d < dims; d++) {
					sum += z[d] * this.whiten[d][k];
				}
				out[w][k] = (float) sum;
			}
		}
		return out;
	}

}
