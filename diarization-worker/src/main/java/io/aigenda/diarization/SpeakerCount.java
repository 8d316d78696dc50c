package io.aigenda.diarization;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The default path's speaker count, from one voice to a dozen, in two calibrated steps
 * after the cut of the tree. First, is the recording one voice? The cut alone splits a
 * single voice into two or three by its changes of tone; when the windows do not fall
 * clearly into two groups on {@link SpeakerCalibration}'s scale ({@link #separation}
 * under {@code singleSpeakerSeparation}), or the two groups lie closer than two people's
 * voices ({@link TwoGroups#distance} under {@code singleSpeakerDistance}: the separation
 * grows with the number of windows, the distance does not, so a long monologue stays one
 * voice), the recording is one speaker. (How widely the windows spread does not tell: the
 * two similar voices of an AMI meeting spread less than one read-aloud voice.) Second,
 * how many? The cut at 1.1 keeps the two people of a real same-room meeting apart but
 * joins a dozen people into two or three; a finer cut followed by the calibrated merge
 * counts many voices well but joins two similar ones. The estimate replaces the cut only
 * when it finds more speakers ({@code countMargin}) and refines the cut's clusters rather
 * than mixing them ({@link #nesting} at least {@code countNesting}): then the cut has
 * joined people, and the estimate tells them apart, while two voices the cut kept apart
 * stay apart. Every threshold is chosen by leave-one-recording-out cross-validation
 * ({@code aigenda eval diarization --synthetic --tune}). A requested minimum or maximum
 * number of speakers always wins.
 */
final class SpeakerCount {

	/** Fewer windows (a few seconds of speech) say too little to test. */
	static final int MIN_WINDOWS = 6;

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
		if (min <= 1 && count(cut) > 1 && oneVoice(split(calibrated), options)) {
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
		return (count(estimate) >= count(cut) + options.countMargin()
				&& nesting(estimate, cut) >= options.countNesting()) ? estimate : cut;
	}

	/**
	 * How well the estimate refines the cut: the share of windows that lie in the cut
	 * cluster where most of their estimated cluster lies. 1 when every estimated cluster
	 * sits inside one cut cluster (the estimate only splits what the cut joined); low
	 * when it mixes clusters the cut kept apart.
	 */
	static double nesting(int[] estimate, int[] cut) {
		Map<Integer, Map<Integer, Integer>> overlap = new HashMap<>();
		for (int i = 0; i < estimate.length; i++) {
			overlap.computeIfAbsent(estimate[i], k -> new HashMap<>()).merge(cut[i], 1, Integer::sum);
		}
		int inside = 0;
		for (Map<Integer, Integer> byCut : overlap.values()) {
			inside += Collections.max(byCut.values());
		}
		return (estimate.length == 0) ? 1 : (double) inside / estimate.length;
	}

	/**
	 * One voice unless the windows fall into two groups both clearly (the separation,
	 * which needs enough windows to be sure) and far enough apart (the distance, which
	 * does not grow with the number of windows): a few seconds of two voices are not
	 * split on chance, and an hour of one voice is not split on its many small changes of
	 * tone.
	 */
	static boolean oneVoice(TwoGroups groups, DiarizationProperties.Clustering options) {
		return (options.singleSpeakerSeparation() > 0 && groups.separation() < options.singleSpeakerSeparation())
				|| (options.singleSpeakerDistance() > 0 && groups.distance() < options.singleSpeakerDistance());
	}

	/**
	 * The windows split in two on the calibrated scale.
	 *
	 * @param separation how clearly they fall apart: the squared distance of the two
	 * means per dimension over what the spread within the groups alone would give
	 * ({@code w (1/n1 + 1/n2)}, w: mean variance per dimension within the groups). One
	 * voice split by its changes of tone scores about 3 on the dev recordings, two people
	 * at least 7, even the two similar voices of an AMI meeting. It grows with the number
	 * of windows, as any test of significance does
	 * @param distance how far apart the two means are on the calibrated scale
	 * ({@link CalibratedMerge#statistic}: squared distance per dimension less the window
	 * noise {@code 1/n1 + 1/n2}); about the same for a minute or an hour of the same
	 * voices
	 */
	record TwoGroups(double separation, double distance) {
	}

	/** 0 for fewer than {@link #MIN_WINDOWS} windows. */
	static double separation(float[][] windows) {
		return split(windows).separation();
	}

	/**
	 * Splits the windows in two along their first principal component and refines the
	 * split by 2-means. The spread within groups is measured on the recording itself, not
	 * assumed, because a recording's own conditions shrink or widen it. Both measures 0
	 * for fewer than {@link #MIN_WINDOWS} windows (too few to test: one voice).
	 */
	static TwoGroups split(float[][] windows) {
		int n = windows.length;
		if (n < MIN_WINDOWS) {
			return new TwoGroups(0, 0);
		}
		int dims = windows[0].length;
		double[][] z = new double[n][dims];
		double[] mean = new double[dims];
		for (float[] w : windows) {
			for (int d = 0; d < dims; d++) {
				mean[d] += w[d] / n;
			}
		}
		for (int i = 0; i < n; i++) {
			for (int d = 0; d < dims; d++) {
				z[i][d] = windows[i][d] - mean[d];
			}
		}
		int[] labels = new int[n];
		double[] direction = principalDirection(z);
		for (int i = 0; i < n; i++) {
			labels[i] = (dot(z[i], direction) > 0) ? 1 : 0;
		}
		double[][] centroids = new double[2][];
		int[] sizes = new int[2];
		for (int iteration = 0; iteration < 30; iteration++) {
			sizes = new int[2];
			centroids = new double[2][dims];
			for (int i = 0; i < n; i++) {
				sizes[labels[i]]++;
				for (int d = 0; d < dims; d++) {
					centroids[labels[i]][d] += z[i][d];
				}
			}
			if (sizes[0] == 0 || sizes[1] == 0) {
				return new TwoGroups(0, 0);
			}
			for (int c = 0; c < 2; c++) {
				for (int d = 0; d < dims; d++) {
					centroids[c][d] /= sizes[c];
				}
			}
			boolean changed = false;
			for (int i = 0; i < n; i++) {
				int nearest = (Embeddings.squaredDistance(z[i], centroids[0]) <= Embeddings.squaredDistance(z[i],
						centroids[1])) ? 0 : 1;
				changed |= nearest != labels[i];
				labels[i] = nearest;
			}
			if (!changed) {
				break;
			}
		}
		double within = 0;
		for (int i = 0; i < n; i++) {
			within += Embeddings.squaredDistance(z[i], centroids[labels[i]]);
		}
		within /= (double) n * dims;
		double between = Embeddings.squaredDistance(centroids[0], centroids[1]) / dims;
		double noise = 1.0 / sizes[0] + 1.0 / sizes[1];
		double separation = (within <= 0) ? Double.MAX_VALUE : between / (within * noise);
		return new TwoGroups(separation, between - noise);
	}

	/**
	 * The direction of largest variance of centred rows, by power iteration from the
	 * direction of the window farthest from the mean.
	 */
	private static double[] principalDirection(double[][] z) {
		int dims = z[0].length;
		double[] v = z[0].clone();
		double farthest = -1;
		for (double[] row : z) {
			double norm = dot(row, row);
			if (norm > farthest) {
				farthest = norm;
				v = row.clone();
			}
		}
		for (int iteration = 0; iteration < 50; iteration++) {
			double[] next = new double[dims];
			for (double[] row : z) {
				double projection = dot(row, v);
				for (int d = 0; d < dims; d++) {
					next[d] += projection * row[d];
				}
			}
			double norm = Math.sqrt(dot(next, next));
			if (norm == 0) {
				break;
			}
			for (int d = 0; d < dims; d++) {
				v[d] = next[d] / norm;
			}
		}
		return v;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int d = 0; d < a.length; d++) {
			sum += a[d] * b[d];
		}
		return sum;
	}

	private static long count(int[] labels) {
		return Arrays.stream(labels).distinct().count();
	}

}
