package io.aigenda.app.load;

import java.util.Arrays;

/**
 * Response times of one class of requests, kept whole (a load run makes thousands, not
 * millions), so that percentiles are exact: the nearest-rank percentile, the smallest
 * recorded value with at least p percent of the values at or below it.
 */
public final class Latencies {

	private double[] millis = new double[256];

	private int count;

	public synchronized void record(double milliseconds) {
		if (this.count == this.millis.length) {
			this.millis = Arrays.copyOf(this.millis, this.count * 2);
		}
		this.millis[this.count++] = milliseconds;
	}

	public synchronized int count() {
		return this.count;
	}

	/**
	 * @param percent in (0, 100]
	 * @return the nearest-rank percentile in milliseconds, or NaN when nothing was
	 * recorded
	 */
	public synchronized double percentile(double percent) {
		if (!(percent > 0 && percent <= 100)) {
			throw new IllegalArgumentException("A percentile is in (0, 100], not " + percent);
		}
		if (this.count == 0) {
			return Double.NaN;
		}
		double[] sorted = Arrays.copyOf(this.millis, this.count);
		Arrays.sort(sorted);
		// percent * count first: exact for whole percentages, so 95 % of 20 is rank 19,
		// not 19.000000000000004
		int rank = (int) Math.ceil(percent * this.count / 100);
		return sorted[Math.max(rank, 1) - 1];
	}

	public double max() {
		return percentile(100);
	}

	/** p50, p95, p99 and max, in milliseconds. */
	public Summary summary() {
		return new Summary(count(), percentile(50), percentile(95), percentile(99), max());
	}

	public record Summary(int count, double p50, double p95, double p99, double max) {
	}

}
