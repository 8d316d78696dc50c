package io.aigenda.llm.topics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GapScoringTest {

	@Test
	void depthIsTheClimbToTheHighestPointOnEachSide() {
		// gap 1: left peak 0.9, right climbs to 0.8: 0.4 + 0.3; gap 3: left climbs to
		// 0.8, right
		// to 0.7: 0.6 + 0.5; peaks score 0
		double[] depth = GapScoring.depthScores(new double[] { 0.9, 0.5, 0.8, 0.2, 0.7 });

		assertThat(depth).containsExactly(new double[] { 0, 0.7, 0, 1.1, 0 }, within(1e-12));
	}

	@Test
	void smoothingAveragesNeighbours() {
		assertThat(GapScoring.smooth(new double[] { 1, 4, 1, 4 }, 1)).containsExactly(new double[] { 2.5, 2, 3, 2.5 },
				within(1e-12));
		assertThat(GapScoring.smooth(new double[] { 1, 4 }, 0)).containsExactly(1, 4);
	}

	@Test
	void onlyAChangeOfSpeakerMayStartATopic() {
		List<Utterance> turns = List.of(Utterance.untimed("A", "x"), Utterance.untimed("A", "x"),
				Utterance.untimed("B", "x"), Utterance.untimed("B", "x"), Utterance.untimed(null, "x"),
				Utterance.untimed("A", "x"));

		assertThat(GapScoring.candidateGaps(turns)).containsExactly(2, 4, 5);
	}

	@Test
	void deepestValleyWinsAndTopicsKeepTheirMinimumLength() {
		// 20 one-word utterances; similarity dips at 10 (deep) and at 12 (shallow, too
		// close to 10)
		List<Utterance> words = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			words.add(Utterance.untimed(null, "w"));
		}
		TopicOptions options = new TopicOptions("lexical", "", "", 10, 0, 0.0, 5, 0, 10, 0, 1, 0.08, 0.05);
		List<Integer> boundaries = new GapScoring(options).boundaries(words,
				(from, gap, to) -> gap == 10 ? 0.1 : gap == 12 ? 0.5 : 0.9);

		assertThat(boundaries).containsExactly(10);
	}

	@Test
	void minimumSecondsApplyWhenUtterancesHaveTimes() {
		List<Utterance> timed = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			timed.add(new Utterance(null, "w", i * 10.0, i * 10.0 + 9));
		}
		// the valley at 3 leaves a first topic of 30 s, under the 60 s minimum
		TopicOptions options = new TopicOptions("lexical", "", "", 10, 0, 0.0, 1, 60, 10, 0, 1, 0.08, 0.05);
		List<Integer> boundaries = new GapScoring(options).boundaries(timed,
				(from, gap, to) -> gap == 3 ? 0.0 : gap == 12 ? 0.2 : 0.9);

		assertThat(boundaries).containsExactly(12);
	}

	@Test
	void textShorterThanTwoMinimumTopicsIsOneTopic() {
		List<Utterance> few = List.of(Utterance.untimed("A", "one two three"), Utterance.untimed("B", "four five"));

		assertThat(new GapScoring(TopicOptions.defaults()).boundaries(few, (from, gap, to) -> 0)).isEmpty();
	}

}
