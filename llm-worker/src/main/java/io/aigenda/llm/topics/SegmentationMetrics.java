package io.aigenda.llm.topics;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Pk (Beeferman et al., 1999) and WindowDiff (Pevzner and Hearst, 2002) of a predicted
 * segmentation of {@code n} units against a reference. A segmentation is given by its
 * boundaries: the indexes of the units that start a new segment (0 is implied and
 * ignored). Both metrics slide a window of {@code k} units, by default half the mean
 * reference segment length (rounded, at least 1), over the {@code n - k} probe positions
 * i = 0 .. n-k-1 and compare units i and i+k: Pk counts the probes where the two
 * segmentations disagree on whether i and i+k lie in the same segment, WindowDiff those
 * where they place a different number of boundaries in (i, i+k]. Lower is better; 0 is a
 * perfect match.
 */
public final class SegmentationMetrics {

	private SegmentationMetrics() {
	}

	/** Half the mean segment length of the reference, rounded half up, at least 1. */
	public static int defaultK(Collection<Integer> reference, int n) {
		int segments = 1 + boundaries(reference, n).length;
		return Math.max(1, (int) Math.round(n / (2.0 * segments)));
	}

	public static double pk(Collection<Integer> reference, Collection<Integer> hypothesis, int n) {
		return pk(reference, hypothesis, n, defaultK(reference, n));
	}

	public static double pk(Collection<Integer> reference, Collection<Integer> hypothesis, int n, int k) {
		int[] ref = segmentIds(reference, n);
		int[] hyp = segmentIds(hypothesis, n);
		int probes = probes(n, k);
		int errors = 0;
		for (int i = 0; i < probes; i++) {
			boolean refSame = ref[i] == ref[i + k];
			boolean hypSame = hyp[i] == hyp[i + k];
			if (refSame != hypSame) {
				errors++;
			}
		}
		return (double) errors / probes;
	}

	public static double windowDiff(Collection<Integer> reference, Collection<Integer> hypothesis, int n) {
		return windowDiff(reference, hypothesis, n, defaultK(reference, n));
	}

	public static double windowDiff(Collection<Integer> reference, Collection<Integer> hypothesis, int n, int k) {
		int[] ref = segmentIds(reference, n);
		int[] hyp = segmentIds(hypothesis, n);
		int probes = probes(n, k);
		int errors = 0;
		for (int i = 0; i < probes; i++) {
			// segment ids count the boundaries up to a unit, so their difference counts
			// those in (i, i+k]
			if (ref[i + k] - ref[i] != hyp[i + k] - hyp[i]) {
				errors++;
			}
		}
		return (double) errors / probes;
	}

	private static int probes(int n, int k) {
		if (k < 1 || k >= n) {
			throw new IllegalArgumentException("Window k=" + k + " needs 1 <= k < n=" + n);
		}
		return n - k;
	}

	/** For each unit, the number of boundaries at or before it. */
	private static int[] segmentIds(Collection<Integer> boundaries, int n) {
		int[] ids = new int[n];
		int[] sorted = boundaries(boundaries, n);
		int next = 0;
		int id = 0;
		for (int u = 0; u < n; u++) {
			while (next < sorted.length && sorted[next] <= u) {
				id++;
				next++;
			}
			ids[u] = id;
		}
		return ids;
	}

	private static int[] boundaries(Collection<Integer> boundaries, int n) {
		TreeSet<Integer> set = new TreeSet<>();
		for (int b : boundaries) {
			if (b < 0 || b >= n) {
				throw new IllegalArgumentException("Boundary " + b + " outside 0.." + (n - 1));
			}
			if (b > 0) {
				set.add(b);
			}
		}
		return set.stream().mapToInt(Integer::intValue).toArray();
	}

}
