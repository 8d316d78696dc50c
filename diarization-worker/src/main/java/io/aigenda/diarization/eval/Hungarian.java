package io.aigenda.diarization.eval;

/** Optimal one-to-one assignment (Kuhn-Munkres, O(n³)) on a rectangular weight matrix. */
final class Hungarian {

	private Hungarian() {
	}

	/**
	 * For each row, the column it is assigned to so that the total weight is largest, or
	 * -1 when there are more rows than columns and the row is left out.
	 */
	static int[] maximise(double[][] weights) {
		int rows = weights.length;
		int columns = rows == 0 ? 0 : weights[0].length;
		int n = Math.max(rows, columns);
		int[] assignment = new int[rows];
		java.util.Arrays.fill(assignment, -1);
		if (rows == 0 || columns == 0) {
			return assignment;
		}
		double max = 0;
		for (double[] row : weights) {
			for (double w : row) {
				max = Math.max(max, w);
			}
		}
		// minimise cost = max - weight on a square matrix padded with zero weights
		double[][] cost = new double[n + 1][n + 1];
		for (int i = 1; i <= n; i++) {
			for (int j = 1; j <= n; j++) {
				double w = (i <= rows && j <= columns) ? weights[i - 1][j - 1] : 0;
				cost[i][j] = max - w;
			}
		}
		double[] u = new double[n + 1];
		double[] v = new double[n + 1];
		int[] p = new int[n + 1];
		int[] way = new int[n + 1];
		for (int i = 1; i <= n; i++) {
			p[0] = i;
			int j0 = 0;
			double[] minv = new double[n + 1];
			boolean[] used = new boolean[n + 1];
			java.util.Arrays.fill(minv, Double.MAX_VALUE);
			do {
				used[j0] = true;
				int i0 = p[j0];
				double delta = Double.MAX_VALUE;
				int j1 = 0;
				for (int j = 1; j <= n; j++) {
					if (!used[j]) {
						double current = cost[i0][j] - u[i0] - v[j];
						if (current < minv[j]) {
							minv[j] = current;
							way[j] = j0;
						}
						if (minv[j] < delta) {
							delta = minv[j];
							j1 = j;
						}
					}
				}
				for (int j = 0; j <= n; j++) {
					if (used[j]) {
						u[p[j]] += delta;
						v[j] -= delta;
					}
					else {
						minv[j] -= delta;
					}
				}
				j0 = j1;
			}
			while (p[j0] != 0);
			do {
				int j1 = way[j0];
				p[j0] = p[j1];
				j0 = j1;
			}
			while (j0 != 0);
		}
		for (int j = 1; j <= n; j++) {
			if (p[j] >= 1 && p[j] <= rows && j <= columns) {
				assignment[p[j] - 1] = j - 1;
			}
		}
		return assignment;
	}

}
