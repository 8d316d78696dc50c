package io.aigenda.diarization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * {@code scripts/calibrate-speakers.py} into {@code speaker-calibration.tsv}.
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
			List<double[]> rows = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					rows.add(Arrays.stream(line.split("\t")).mapToDouble(Double::parseDouble).toArray());
				}
			}
			int dims = rows.get(0).length;
			if (rows.size() != dims + 2) {
				throw new IllegalStateException(RESOURCE + " needs a mean, a deviation and " + dims + " rows");
			}
			return new SpeakerCalibration(rows.get(0), rows.get(1),
					rows.subList(2, rows.size()).toArray(double[][]::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	int dimensions() {
		return this.mean.length;
	}

	/**
	 * Raw embeddings on the calibrated scale; {@code null} when their size does not fit.
	 */
	float[][] apply(float[][] raw) {
		if (raw.length == 0 || raw[0].length != this.mean.length) {
			return null;
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
