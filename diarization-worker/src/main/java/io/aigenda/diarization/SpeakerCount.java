package io.aigenda.diarization;

import java.util.Arrays;

/**
 * The default path's speaker count, from one voice to a dozen, in two calibrated steps
 * after the cut of the tree. First, is the recording one voice? On
 * {@link SpeakerCalibration}'s scale one speaker's windows scatter with about unit
 * variance per dimension wherever they were recorded, while every further voice adds the
 * spread between voices; a recording whose windows spread less than
 * {@code singleSpeakerSpread} is one speaker (the cut alone splits a single voice into
 * two or three by its changes of tone). Second, how many? The cut at 1.1 keeps the two
 * people of a real same-room meeting apart but joins a dozen people into two or three; a
 * finer cut followed by the calibrated merge counts many voices well but joins two
 * similar ones. The estimate replaces the cut only when it finds clearly more speakers
 * ({@code countMargin}), which is when the cut has joined people. Both thresholds are
 * chosen by leave-one-recording-out cross-validation ({@code aigenda eval diarization
 * --synthetic --tune}). A requested minimum or maximum number of speakers always wins.
 */
final class SpeakerCount {

	private SpeakerCount() {
	}

	/**
	 * @param cut labels of the cut of the tree
	 * @param embeddings the clustered windows, as the clusterer sees them
	 * @param weights seconds each window stands for
	 * @param calibrated the same windows on the calibrated scale
	 * @return the labels after both steps (the cut's when neither applies)
	 */
	static int[] decide(int[] cut, float[][] embeddings, double[] weights, float[][] calibrated,
			DiarizationProperties.Clustering options, Integer minSpeakers, Integer maxSpeakers) {
		int min = (minSpeakers != null) ? minSpeakers : 1;
		if (options.singleSpeakerSpread() > 0 && min <= 1
				&& spread(calibrated, weights) < options.singleSpeakerSpread()) {
			return new int[cut.length];
		}
		if (options.countMargin() <= 0 || (maxSpeakers != null && maxSpeakers.equals(minSpeakers))) {
			return cut;
		}
		DiarizationProperties.Clustering finer = options.withThreshold(options.countThreshold());
		SpeakerClusterer clusterer = new BoundedClusterer(switch (options.method()) {
			case AGGLOMERATIVE -> new AgglomerativeClusterer(finer);
			case SPECTRAL -> new SpectralClusterer(finer);
		}, options.maxWindows());
		int[] estimate = CalibratedMerge.merge(clusterer.cluster(embeddings, weights, minSpeakers, maxSpeakers),
				calibrated, options.countMerge(), min);
		return (count(estimate) >= count(cut) + options.countMargin()) ? estimate : cut;
	}

	/**
	 * Mean variance per dimension of the windows on the calibrated scale, each window
	 * weighted by the seconds it stands for: about 1 for one voice.
	 */
	static double spread(float[][] calibrated, double[] weights) {
		int dims = calibrated[0].length;
		double total = 0;
		double[] mean = new double[dims];
		for (int i = 0; i < calibrated.length; i++) {
			total += weights[i];
			for (int d = 0; d < dims; d++) {
				mean[d] += weights[i] * calibrated[i][d];
			}
		}
		if (total <= 0) {
			return 0;
		}
		double sum = 0;
		for (int i = 0; i < calibrated.length; i++) {
			for (int d = 0; d < dims; d++) {
				double deviation = calibrated[i][d] - mean[d] / total;
				sum += weights[i] * deviation * deviation;
			}
		}
		return sum / total / dims;
	}

	private static long count(int[] labels) {
		return Arrays.stream(labels).distinct().count();
	}

}
