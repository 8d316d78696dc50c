package io.aigenda.diarization;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Spectral clustering with the speaker count from the eigengap: cosine affinities between
 * windows, each row pruned to its strongest {@code pruning} fraction and symmetrised, the
 * normalised graph Laplacian's smallest eigenvalues, and the count at the largest gap
 * between consecutive ones (within the requested bounds); then k-means on the
 * row-normalised eigenvectors. Very long recordings (over {@value #MAX_WINDOWS} windows)
 * fall back to agglomerative clustering, whose cost grows more slowly.
 */
class SpectralClusterer implements SpeakerClusterer {

	static final int MAX_WINDOWS = 2000;

	private static final int KMEANS_RESTARTS = 5;

	private final DiarizationProperties.Clustering options;

	private final AgglomerativeClusterer fallback;

	SpectralClusterer(DiarizationProperties.Clustering options) {
		this.options = options;
		this.fallback = new AgglomerativeClusterer(options);
	}

	@Override
	public int[] cluster(float[][] embeddings, double[] weights, Integer minSpeakers, Integer maxSpeakers) {
		int n = embeddings.length;
		if (n == 0) {
			return new int[0];
		}
		if (n > MAX_WINDOWS) {
			return this.fallback.cluster(embeddings, weights, minSpeakers, maxSpeakers);
		}
		int max = Math.max(1, Math.min(n, maxSpeakers != null ? maxSpeakers : this.options.maxSpeakers()));
		int min = Math.max(1, Math.min(max, minSpeakers != null ? minSpeakers : 1));
		if (n <= 2) {
			int[] labels = new int[n];
			if (min == 2 && n == 2) {
				labels[1] = 1;
			}
			return labels;
		}
		double[][] affinity = affinity(embeddings);
		double[] eigenvalues = new double[n];
		double[][] vectors = laplacianEigen(affinity, eigenvalues);
		// Look past a requested maximum, then cap: three clear voices asked for as two
		// stay two.
		int k = Math.max(min, Math.min(max, eigengap(eigenvalues, min, Math.max(max, this.options.maxSpeakers()))));
		int[] labels = kMeans(spectralRows(vectors, k), k);
		// As after agglomerative clustering: a cluster with little speech is noise more
		// often than a person.
		return AgglomerativeClusterer.compact(this.fallback.foldSmallClusters(embeddings, weights, labels, min));
	}

	/**
	 * Cosine similarity (negative as 0), each row pruned to its strongest entries,
	 * symmetrised.
	 */
	private double[][] affinity(float[][] embeddings) {
		int n = embeddings.length;
		double[][] a = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				double s = Math.max(0, 1 - AgglomerativeClusterer.cosineDistance(embeddings[i], embeddings[j]));
				a[i][j] = s;
				a[j][i] = s;
			}
		}
		int keep = Math.max(2, (int) Math.ceil(this.options.pruning() * n));
		double[][] pruned = new double[n][n];
		for (int i = 0; i < n; i++) {
			double[] sorted = a[i].clone();
			Arrays.sort(sorted);
			double floor = sorted[Math.max(0, n - keep)];
			for (int j = 0; j < n; j++) {
				pruned[i][j] = a[i][j] >= floor ? a[i][j] : 0;
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				double s = (pruned[i][j] + pruned[j][i]) / 2;
				pruned[i][j] = s;
				pruned[j][i] = s;
			}
		}
		return pruned;
	}

	/** Eigenvectors (columns, ascending eigenvalue) of I - D^-1/2 A D^-1/2. */
	private static double[][] laplacianEigen(double[][] a, double[] eigenvalues) {
		int n = a.length;
		double[] scale = new double[n];
		for (int i = 0; i < n; i++) {
			double degree = 0;
			for (double v : a[i]) {
				degree += v;
			}
			scale[i] = degree > 0 ? 1 / Math.sqrt(degree) : 0;
		}
		DMatrixRMaj laplacian = new DMatrixRMaj(n, n);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				double value = (i == j ? 1 : 0) - scale[i] * a[i][j] * scale[j];
				laplacian.set(i, j, value);
			}
		}
		EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
		if (!eig.decompose(laplacian)) {
			throw new IllegalStateException("Eigendecomposition did not converge");
		}
		Integer[] order = new Integer[n];
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
			values[i] = eig.getEigenvalue(i).getReal();
		}
		Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
		double[][] vectors = new double[n][n];
		for (int c = 0; c < n; c++) {
			DMatrixRMaj v = eig.getEigenVector(order[c]);
			eigenvalues[c] = values[order[c]];
			for (int r = 0; r < n; r++) {
				vectors[r][c] = v.get(r, 0);
			}
		}
		return vectors;
	}

	/** The count k in [min, max] with the largest gap between eigenvalues k and k + 1. */
	static int eigengap(double[] eigenvalues, int min, int max) {
		int best = min;
		double bestGap = -1;
		for (int k = min; k <= max && k < eigenvalues.length; k++) {
			double gap = eigenvalues[k] - eigenvalues[k - 1];
			if (gap > bestGap) {
				bestGap = gap;
				best = k;
			}
		}
		return best;
	}

	private static double[][] spectralRows(double[][] vectors, int k) {
		int n = vectors.length;
		double[][] rows = new double[n][k];
		for (int i = 0; i < n; i++) {
			double norm = 0;
			for (int c = 0; c < k; c++) {
				rows[i][c] = vectors[i][c];
				norm += rows[i][c] * rows[i][c];
			}
			norm = Math.sqrt(norm);
			if (norm > 0) {
				for (int c = 0; c < k; c++) {
					rows[i][c] /= norm;
				}
			}
		}
		return rows;
	}

	/**
	 * k-means with k-means++ seeding; a fixed seed keeps results reproducible; best of
	 * restarts.
	 */
	static int[] kMeans(double[][] points, int k) {
		int n = points.length;
		int[] best = new int[n];
		if (k <= 1) {
			return best;
		}
		double bestCost = Double.MAX_VALUE;
		Random random = new Random(42);
		for (int restart = 0; restart < KMEANS_RESTARTS; restart++) {
			double[][] centres = seed(points, k, random);
			int[] labels = new int[n];
			double cost = 0;
			for (int iteration = 0; iteration < 100; iteration++) {
				boolean changed = false;
				cost = 0;
				for (int i = 0; i < n; i++) {
					int nearest = 0;
					double nearestDistance = Double.MAX_VALUE;
					for (int c = 0; c < k; c++) {
						double d = Embeddings.squaredDistance(points[i], centres[c]);
						if (d < nearestDistance) {
							nearestDistance = d;
							nearest = c;
						}
					}
					changed |= labels[i] != nearest;
					labels[i] = nearest;
					cost += nearestDistance;
				}
				if (!changed && iteration > 0) {
					break;
				}
				double[][] sums = new double[k][points[0].length];
				int[] counts = new int[k];
				for (int i = 0; i < n; i++) {
					counts[labels[i]]++;
					for (int d = 0; d < points[i].length; d++) {
						sums[labels[i]][d] += points[i][d];
					}
				}
				for (int c = 0; c < k; c++) {
					if (counts[c] > 0) {
						for (int d = 0; d < sums[c].length; d++) {
							centres[c][d] = sums[c][d] / counts[c];
						}
					}
				}
			}
			if (cost < bestCost) {
				bestCost = cost;
				best = labels;
			}
		}
		return best;
	}

	private static double[][] seed(double[][] points, int k, Random random) {
		int n = points.length;
		double[][] centres = new double[k][];
		centres[0] = points[random.nextInt(n)].clone();
		double[] distance = new double[n];
		for (int c = 1; c < k; c++) {
			double total = 0;
			for (int i = 0; i < n; i++) {
				distance[i] = Double.MAX_VALUE;
				for (int j = 0; j < c; j++) {
					distance[i] = Math.min(distance[i], Embeddings.squaredDistance(points[i], centres[j]));
				}
				total += distance[i];
			}
			double target = random.nextDouble() * total;
			int chosen = n - 1;
			for (int i = 0; i < n; i++) {
				target -= distance[i];
				if (target <= 0) {
					chosen = i;
					break;
				}
			}
			centres[c] = points[chosen].clone();
		}
		return centres;
	}

}
