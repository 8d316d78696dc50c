package io.aigenda.diarization.eval;

import java.util.List;

import io.aigenda.contracts.SpeakerTurn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class JaccardErrorRateTest {

	private final JaccardErrorRate scorer = new JaccardErrorRate();

	@Test
	void sameTurnsUnderOtherNamesScoreZero() {
		JerResult result = this.scorer.compute(List.of(turn(0, 10, "A"), turn(10, 20, "B")),
				List.of(turn(0, 10, "S2"), turn(10, 20, "S1")), null);
		assertThat(result.jer()).isZero();
		assertThat(result.mapping()).containsEntry("A", "S2").containsEntry("B", "S1");
	}

	@Test
	void oneHypothesisSpeakerForTwoLeavesTheOtherUnmapped() {
		// A <-> X: 10 s in common of a 20 s union (0.5); B has nobody left (1.0): mean
		// 0.75.
		JerResult result = this.scorer.compute(List.of(turn(0, 10, "A"), turn(10, 20, "B")), List.of(turn(0, 20, "X")),
				null);
		assertThat(result.speakerErrors()).containsExactly(0.5, 1.0);
		assertThat(result.jer()).isEqualTo(0.75, offset(1e-9));
	}

	@Test
	void quietSpeakerWeighsAsMuchAsATalkativeOne() {
		// A talks 18 s, B 2 s, and the hypothesis gives all 20 s to X: DER 10 %, JER (0.1
		// + 1) / 2.
		List<SpeakerTurn> reference = List.of(turn(0, 18, "A"), turn(18, 20, "B"));
		List<SpeakerTurn> hypothesis = List.of(turn(0, 20, "X"));
		assertThat(new DiarizationErrorRate(0).compute(reference, hypothesis, null).der()).isEqualTo(0.1, offset(1e-9));
		assertThat(this.scorer.compute(reference, hypothesis, null).jer()).isEqualTo(0.55, offset(1e-9));
	}

	@Test
	void shiftedTurnIsIntersectionOverUnion() {
		// 8 s in common, 12 s in the union.
		JerResult result = this.scorer.compute(List.of(turn(0, 10, "A")), List.of(turn(2, 12, "X")), null);
		assertThat(result.jer()).isEqualTo(1 - 8.0 / 12, offset(1e-9));
	}

	@Test
	void mappingMinimisesTheTotalErrorNotEachSpeakersAlone() {
		// R1 [0,9], R2 [9,13]; H1 [0,5]+[9,13], H2 [5,9].
		// J(R1,H1) = 5/13, J(R1,H2) = 4/9, J(R2,H1) = 4/9, J(R2,H2) = 0.
		// R1->H1, R2->H2 totals 5/13 + 0; R1->H2, R2->H1 totals 8/9, the better one.
		List<SpeakerTurn> reference = List.of(turn(0, 9, "R1"), turn(9, 13, "R2"));
		List<SpeakerTurn> hypothesis = List.of(turn(0, 5, "H1"), turn(5, 9, "H2"), turn(9, 13, "H1"));
		JerResult result = this.scorer.compute(reference, hypothesis, null);
		assertThat(result.mapping()).containsEntry("R1", "H2").containsEntry("R2", "H1");
		assertThat(result.jer()).isEqualTo(1 - 4.0 / 9, offset(1e-9));
	}

	@Test
	void extraHypothesisSpeakersDoNotCountButTakeTime() {
		// A [0,10]; X [0,6], Y [6,10]: A maps to X, 6/10; Y is no reference speaker's.
		JerResult result = this.scorer.compute(List.of(turn(0, 10, "A")), List.of(turn(0, 6, "X"), turn(6, 10, "Y")),
				null);
		assertThat(result.speakerErrors()).hasSize(1);
		assertThat(result.jer()).isEqualTo(0.4, offset(1e-9));
	}

	@Test
	void onlyTheUemIsScoredAndNoCollarIsApplied() {
		// Within [0,4]: A [0,4], X [3,4]: 1/4.
		JerResult result = this.scorer.compute(List.of(turn(0, 10, "A")), List.of(turn(3, 8, "X")),
				List.of(new TimeSpan(0, 4)));
		assertThat(result.jer()).isEqualTo(0.75, offset(1e-9));
	}

	@Test
	void emptyHypothesisIsAHundredPercentAndPoolingAveragesOverSpeakers() {
		JerResult none = this.scorer.compute(List.of(turn(1, 4, "A"), turn(2, 3, "B")), List.of(), null);
		assertThat(none.jer()).isEqualTo(1.0, offset(1e-9));
		JerResult perfect = this.scorer.compute(List.of(turn(0, 5, "C")), List.of(turn(0, 5, "Z")), null);
		// (1 + 1 + 0) / 3 over the three reference speakers, not (1 + 0) / 2 over the
		// recordings.
		assertThat(none.plus(perfect).jer()).isEqualTo(2.0 / 3, offset(1e-9));
	}

	private static SpeakerTurn turn(double start, double end, String speaker) {
		return new SpeakerTurn(start, end, speaker);
	}

}
