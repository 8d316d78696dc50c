package io.aigenda.app.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LatenciesTests {

	@Test
	void percentilesAreTheNearestRankOfTheSortedValues() {
		Latencies latencies = new Latencies();
		// 1..20 ms, recorded out of order
		for (int i = 20; i >= 1; i--) {
			latencies.record(i);
		}
		// nearest rank: ceil(p/100 * 20); p50 -> 10th value, p95 -> 19th, p99 -> 20th
		assertThat(latencies.percentile(50)).isEqualTo(10);
		assertThat(latencies.percentile(95)).isEqualTo(19);
		assertThat(latencies.percentile(99)).isEqualTo(20);
		assertThat(latencies.percentile(5)).isEqualTo(1);
		assertThat(latencies.max()).isEqualTo(20);
		assertThat(latencies.count()).isEqualTo(20);
	}

	@Test
	void aSingleSlowRequestInAHundredIsTheNinetyNinthPercentileOnlyAboveIt() {
		Latencies latencies = new Latencies();
		for (int i = 0; i < 99; i++) {
			latencies.record(5);
		}
		latencies.record(900);
		// rank ceil(0.99 * 100) = 99: still a fast one; the slow one is the maximum
		assertThat(latencies.percentile(99)).isEqualTo(5);
		assertThat(latencies.max()).isEqualTo(900);
		latencies.record(800);
		// 101 values: rank ceil(0.99 * 101) = 100, the 800 ms one
		assertThat(latencies.percentile(99)).isEqualTo(800);
	}

	@Test
	void growsPastItsFirstArrayAndSummarises() {
		Latencies latencies = new Latencies();
		for (int i = 1; i <= 1000; i++) {
			latencies.record(i / 10.0);
		}
		Latencies.Summary summary = latencies.summary();
		assertThat(summary.count()).isEqualTo(1000);
		assertThat(summary.p50()).isEqualTo(50.0);
		assertThat(summary.p95()).isEqualTo(95.0);
		assertThat(summary.p99()).isEqualTo(99.0);
		assertThat(summary.max()).isEqualTo(100.0);
	}

	@Test
	void nothingRecordedHasNoPercentileAndOutOfRangeIsRefused() {
		Latencies latencies = new Latencies();
		assertThat(latencies.percentile(99)).isNaN();
		assertThatIllegalArgumentException().isThrownBy(() -> latencies.percentile(0));
		assertThatIllegalArgumentException().isThrownBy(() -> latencies.percentile(100.5));
	}

}
