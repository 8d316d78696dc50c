package io.aigenda.diarization;

import java.util.List;

import io.aigenda.contracts.SpeakerTurn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TurnBuilderTest {

	private final TurnBuilder builder = new TurnBuilder(new DiarizationProperties.Turns(0.5, 0.5));

	@Test
	void speakerChangeInsideARegionSplitsTheTurnAndLabelsFollowFirstAppearance() {
		// one region 0..4.5 with windows of 1.5 s every 0.75 s: first half cluster 7,
		// second half cluster 3
		List<SpeakerSegmenter.Window> windows = VadWindowSegmenter
			.windows(List.of(new io.aigenda.audio.SpeechRegion(0, 4.5)), 1.5, 0.75);
		assertThat(windows).hasSize(5);
		int[] labels = { 7, 7, 7, 3, 3 };
		List<SpeakerTurn> turns = this.builder.build(windows, labels);
		assertThat(turns).extracting(SpeakerTurn::speaker).containsExactly("S1", "S2");
		assertThat(turns.get(0).start()).isZero();
		assertThat(turns.get(1).end()).isEqualTo(4.5);
		assertThat(turns.get(0).end()).isEqualTo(turns.get(1).start());
		assertThat(turns.get(0).end()).isBetween(2.5, 3.5);
	}

	@Test
	void shortTurnWedgedBetweenOthersIsSmoothedAway() {
		List<SpeakerSegmenter.Window> windows = List.of(new SpeakerSegmenter.Window(0, 1.5, 0, 1.5),
				new SpeakerSegmenter.Window(1.6, 1.9, 1.6, 1.9), new SpeakerSegmenter.Window(2.0, 3.5, 2.0, 3.5));
		List<SpeakerTurn> turns = this.builder.build(windows, new int[] { 0, 1, 0 });
		assertThat(turns).containsExactly(new SpeakerTurn(0, 3.5, "S1"));
	}

	@Test
	void shortTurnStandingAloneIsKept() {
		List<SpeakerSegmenter.Window> windows = List.of(new SpeakerSegmenter.Window(0, 1.5, 0, 1.5),
				new SpeakerSegmenter.Window(5.0, 5.3, 5.0, 5.3));
		List<SpeakerTurn> turns = this.builder.build(windows, new int[] { 0, 1 });
		assertThat(turns).containsExactly(new SpeakerTurn(0, 1.5, "S1"), new SpeakerTurn(5.0, 5.3, "S2"));
	}

}
