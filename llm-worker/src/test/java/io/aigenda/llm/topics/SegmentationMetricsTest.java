package io.aigenda.llm.topics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Ten units, the reference starts a second topic at unit 5, k = round(10 / (2 * 2)) = 3,
 * so the probes are i = 0..6 (pairs (0,3) .. (6,9)); the reference splits the pairs i =
 * 2, 3, 4.
 */
class SegmentationMetricsTest {

	private static final List<Integer> REFERENCE = List.of(5);

	@Test
	void windowIsHalfTheMeanReferenceSegment() {
		assertThat(SegmentationMetrics.defaultK(REFERENCE, 10)).isEqualTo(3);
		assertThat(SegmentationMetrics.defaultK(List.of(), 10)).isEqualTo(5);
		assertThat(SegmentationMetrics.defaultK(List.of(0, 3, 6), 12)).isEqualTo(2);
	}

	@Test
	void perfectSegmentationScoresZero() {
		assertThat(SegmentationMetrics.pk(REFERENCE, List.of(5), 10)).isZero();
		assertThat(SegmentationMetrics.windowDiff(REFERENCE, List.of(0, 5), 10)).isZero();
	}

	@Test
	void missedBoundaryCostsEveryProbeThatSpansIt() {
		// i = 2, 3, 4 span the reference boundary, the hypothesis has none: 3 of 7
		assertThat(SegmentationMetrics.pk(REFERENCE, List.of(), 10)).isCloseTo(3.0 / 7, within(1e-12));
		assertThat(SegmentationMetrics.windowDiff(REFERENCE, List.of(), 10)).isCloseTo(3.0 / 7, within(1e-12));
	}

	@Test
	void nearMissCostsOnlyTheProbesBetweenTheTwoBoundaries() {
		// hypothesis boundary 4 lies in (i, i+3] for i = 1, 2, 3; the reference's for i =
		// 2, 3, 4:
		// they disagree at i = 1 and i = 4
		assertThat(SegmentationMetrics.pk(REFERENCE, List.of(4), 10)).isCloseTo(2.0 / 7, within(1e-12));
		assertThat(SegmentationMetrics.windowDiff(REFERENCE, List.of(4), 10)).isCloseTo(2.0 / 7, within(1e-12));
	}

	@Test
	void windowDiffCountsBoundariesWherePkOnlyAsksSameOrNot() {
		// hypothesis {5, 6}: boundaries in (i, i+3] are 1, 2, 2, 1 for i = 2..5, the
		// reference has
		// 1, 1, 1, 0: WindowDiff errs at i = 3, 4, 5. Pk errs only at i = 5, where 5 and
		// 8 are in one
		// reference segment but in two hypothesis segments.
		assertThat(SegmentationMetrics.pk(REFERENCE, List.of(5, 6), 10)).isCloseTo(1.0 / 7, within(1e-12));
		assertThat(SegmentationMetrics.windowDiff(REFERENCE, List.of(5, 6), 10)).isCloseTo(3.0 / 7, within(1e-12));
	}

	@Test
	void explicitWindow() {
		// k = 1: nine probes, the reference boundary lies between units 4 and 5 (i = 4),
		// the
		// hypothesis's between 6 and 7 (i = 6): two disagreements
		assertThat(SegmentationMetrics.pk(REFERENCE, List.of(7), 10, 1)).isCloseTo(2.0 / 9, within(1e-12));
		assertThat(SegmentationMetrics.windowDiff(REFERENCE, List.of(7), 10, 1)).isCloseTo(2.0 / 9, within(1e-12));
	}

	@Test
	void boundaryOutsideTheTextIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SegmentationMetrics.pk(REFERENCE, List.of(10), 10))
			.withMessageContaining("Boundary 10");
		assertThatIllegalArgumentException().isThrownBy(() -> SegmentationMetrics.pk(REFERENCE, List.of(), 10, 10));
	}

}
