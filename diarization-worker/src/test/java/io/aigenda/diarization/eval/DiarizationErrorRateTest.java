package io.aigenda.diarization.eval;

import java.util.List;

import io.aigenda.contracts.SpeakerTurn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class DiarizationErrorRateTest {

	private final DiarizationErrorRate noCollar = new DiarizationErrorRate(0);

	@Test
	void sameTurnsUnderOtherNamesScoreZero() {
		DerResult result = this.noCollar.compute(List.of(turn(0, 10, "A"), turn(10, 20, "B")),
				List.of(turn(0, 10, "S2"), turn(10, 20, "S1")), null);
		assertThat(result.der()).isZero();
		assertThat(result.mapping()).containsEntry("A", "S2").containsEntry("B", "S1");
	}

	@Test
	void oneHypothesisSpeakerForTwoReferenceSpeakersIsHalfConfusion() {
		DerResult result = this.noCollar.compute(List.of(turn(0, 10, "A"), turn(10, 20, "B")),
				List.of(turn(0, 20, "X")), null);
		assertThat(result.scored()).isEqualTo(20, offset(1e-9));
		assertThat(result.confusion()).isEqualTo(10, offset(1e-9));
		assertThat(result.missed()).isZero();
		assertThat(result.falseAlarm()).isZero();
		assertThat(result.der()).isEqualTo(0.5, offset(1e-9));
	}

	@Test
	void shiftedTurnIsMissedSpeechAndFalseAlarm() {
		DerResult result = this.noCollar.compute(List.of(turn(0, 10, "A")), List.of(turn(2, 12, "X")), null);
		assertThat(result.missed()).isEqualTo(2, offset(1e-9));
		assertThat(result.falseAlarm()).isEqualTo(2, offset(1e-9));
		assertThat(result.confusion()).isZero();
		assertThat(result.der()).isEqualTo(0.4, offset(1e-9));
	}

	@Test
	void collarForgivesSmallBoundaryErrors() {
		List<SpeakerTurn> reference = List.of(turn(0, 10, "A"), turn(10, 20, "B"));
		List<SpeakerTurn> hypothesis = List.of(turn(0, 10.2, "X"), turn(10.2, 20, "Y"));
		assertThat(new DiarizationErrorRate(0.25).compute(reference, hypothesis, null).der()).isZero();
		// without a collar the 0.2 s is confusion out of 20 s
		assertThat(this.noCollar.compute(reference, hypothesis, null).der()).isEqualTo(0.01, offset(1e-9));
		// collars of 0.25 s around the boundaries at 0, 10 (shared by A and B) and 20,
		// clipped to the region
		assertThat(new DiarizationErrorRate(0.25).compute(reference, hypothesis, null).scored())
			.isEqualTo(2 * (20 - 0.25 - 0.5 - 0.25) / 2, offset(1e-9));
	}

	@Test
	void overlappedReferenceSpeechCountsEachSpeaker() {
		DerResult result = this.noCollar.compute(List.of(turn(0, 10, "A"), turn(5, 10, "B")), List.of(turn(0, 10, "X")),
				null);
		assertThat(result.scored()).isEqualTo(15, offset(1e-9));
		assertThat(result.missed()).isEqualTo(5, offset(1e-9));
		assertThat(result.confusion()).isZero();
		assertThat(result.der()).isEqualTo(5.0 / 15, offset(1e-9));
	}

	@Test
	void onlyTheUemIsScored() {
		DerResult result = this.noCollar.compute(List.of(turn(0, 10, "A")), List.of(turn(6, 8, "X")),
				List.of(new TimeSpan(0, 4)));
		assertThat(result.scored()).isEqualTo(4, offset(1e-9));
		assertThat(result.missed()).isEqualTo(4, offset(1e-9));
		assertThat(result.der()).isEqualTo(1.0, offset(1e-9));
	}

	@Test
	void speakerMappingIsOptimalNotGreedy() {
		// H1 overlaps R1 most (5 s), yet mapping R1->H2 and R2->H1 keeps 8 s correct
		// against 5 s.
		List<SpeakerTurn> reference = List.of(turn(0, 9, "R1"), turn(9, 13, "R2"));
		List<SpeakerTurn> hypothesis = List.of(turn(0, 5, "H1"), turn(5, 9, "H2"), turn(9, 13, "H1"));
		DerResult result = this.noCollar.compute(reference, hypothesis, null);
		assertThat(result.mapping()).containsEntry("R1", "H2").containsEntry("R2", "H1");
		assertThat(result.confusion()).isEqualTo(5, offset(1e-9));
		assertThat(result.der()).isEqualTo(5.0 / 13, offset(1e-9));
	}

	@Test
	void emptyHypothesisMissesEverything() {
		DerResult result = this.noCollar.compute(List.of(turn(1, 4, "A"), turn(2, 3, "B")), List.of(), null);
		assertThat(result.scored()).isEqualTo(4, offset(1e-9));
		assertThat(result.der()).isEqualTo(1.0, offset(1e-9));
		assertThat(result.plus(result).der()).isEqualTo(1.0, offset(1e-9));
	}

	private static SpeakerTurn turn(double start, double end, String speaker) {
		return new SpeakerTurn(start, end, speaker);
	}

}
