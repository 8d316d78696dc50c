package io.aigenda.diarization;

import java.util.List;

import io.aigenda.contracts.SpeakerTurn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Powerset decoding, chunking and aggregation on hand-made model outputs. */
class PyannoteSegmenterTest {

	@Test
	void eachFrameTakesItsMostLikelyPowersetClass() {
		float[][] logProbabilities = { row(0), row(1), row(4), row(6) };
		assertThat(PyannoteSegmenter.decode(logProbabilities)).containsExactly(0, 1, 4, 6);
		assertThat(PyannoteSegmenter.POWERSET[4]).containsExactly(0, 1);
		assertThat(PyannoteSegmenter.POWERSET[6]).containsExactly(1, 2);
	}

	@Test
	void singleSpeakerStretchesSkipSilenceAndOverlap() {
		int[] classes = { 0, 1, 1, 4, 4, 2, 2, 2, 0, 1 };
		List<PyannoteSegmenter.Stretch> stretches = PyannoteSegmenter.singleSpeakerStretches(classes, 100);
		assertThat(stretches).containsExactly(new PyannoteSegmenter.Stretch(101, 103),
				new PyannoteSegmenter.Stretch(105, 108), new PyannoteSegmenter.Stretch(109, 110));
	}

	@Test
	void chunksCoverTheRecordingAndTheLastEndsWithIt() {
		assertThat(PyannoteSegmenter.chunkStarts(100_000, 40_000)).containsExactly(0);
		assertThat(PyannoteSegmenter.chunkStarts(250_000, 40_000)).containsExactly(0, 40_000, 80_000, 90_000);
	}

	@Test
	void overlappingChunksVoteOnEachFrame() {
		PyannoteSegmenter.Aggregate aggregate = new PyannoteSegmenter.Aggregate(20);
		// chunk A (frames 0..9) hears speech in 2..7 and overlap in 4..5; chunk B (frames
		// 5..14)
		// hears speech in 7..11 and silence at 5..6, where A's middle outweighs B's edge;
		// the
		// two overlap frames are shorter than a region and dropped
		aggregate.add(new int[] { 0, 0, 1, 1, 4, 4, 1, 1, 0, 0 }, 0, 10);
		aggregate.add(new int[] { 0, 0, 2, 2, 2, 2, 2, 0, 0, 0 }, 5, 10);
		List<SpeakerSegmenter.Span> speech = aggregate.spans(aggregate.speech);
		List<SpeakerSegmenter.Span> overlap = aggregate.spans(aggregate.overlap);
		assertThat(speech).hasSize(1);
		assertThat(speech.get(0).start()).isCloseTo(PyannoteSegmenter.time(2) - 270 / 32_000.0,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(speech.get(0).end()).isCloseTo(PyannoteSegmenter.time(11) + 270 / 32_000.0,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(overlap).isEmpty();
	}

	@Test
	void overlapGetsTheNearestOtherSpeakerAsSecondVoice() {
		List<SpeakerTurn> turns = List.of(new SpeakerTurn(0, 5, "S1"), new SpeakerTurn(5.5, 8, "S2"),
				new SpeakerTurn(8, 12, "S1"), new SpeakerTurn(20, 22, "S3"));
		List<SpeakerTurn> result = OverlapAssigner.addSecondSpeakers(turns,
				List.of(new SpeakerSegmenter.Span(4, 5), new SpeakerSegmenter.Span(7, 9)));
		// 4..5 is S1's: the nearest other voice is S2 (0.5 s later)
		assertThat(result).contains(new SpeakerTurn(4, 5, "S2"), new SpeakerTurn(0, 5, "S1"));
		// 7..9: its middle is S1's; the second voice, S2, is merged into S2's own turn
		assertThat(result).contains(new SpeakerTurn(5.5, 9, "S2"), new SpeakerTurn(8, 12, "S1"));
		assertThat(result).filteredOn(t -> t.speaker().equals("S3")).containsExactly(new SpeakerTurn(20, 22, "S3"));
		assertThat(result).hasSize(5);
		assertThat(result.get(0).start()).isZero();
	}

	private static float[] row(int best) {
		float[] row = new float[7];
		for (int c = 0; c < 7; c++) {
			row[c] = (c == best) ? -0.1f : -5f;
		}
		return row;
	}

}
