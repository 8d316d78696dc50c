package io.aigenda.llm.eval;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MinutesMetricsTest {

	@Test
	void rougeOnAHandComputedPair() {
		// unigrams: the(2) cat on mat shared = 5 of 6 each way; bigrams: "the cat", "on
		// the", "the mat"
		// = 3 of 5; longest common subsequence "the cat on the mat" = 5 of 6
		Rouge.Scores scores = Rouge.score("The cat sat on the mat.", "the cat is on the mat");

		assertThat(scores.rouge1()).isCloseTo(5.0 / 6, within(1e-12));
		assertThat(scores.rouge2()).isCloseTo(0.6, within(1e-12));
		assertThat(scores.rougeL()).isCloseTo(5.0 / 6, within(1e-12));
		assertThat(Rouge.score("", "the cat").rouge1()).isZero();
	}

	@Test
	void goldItemIsFoundWhenHalfItsContentWordsAreInOnePrediction() {
		// gold content: indus(trial), desig(ner), work, butto(ns); the prediction shares
		// work, butto(n)
		List<String> gold = List.of("The Industrial Designer will work on the buttons",
				"Marketing will send the survey results");
		double recall = ItemRecall.recall(gold, List.of("I will work on the button layout", "Lunch at noon"));

		assertThat(recall).isEqualTo(0.5);
		assertThat(ItemRecall.recall(List.of(), List.of("anything"))).isNaN();
	}

	@Test
	void dialogStudioMeetingHasItsTranscriptAndGoldItems() {
		Path file = Path.of(System.getProperty("aigenda.shared", "../../shared"),
				"eval-dev/summarization/ami_ES2002d.dialogstudio.json");
		DialogStudioMeeting meeting = DialogStudioMeeting.read(file).get(0);

		assertThat(meeting.id()).isEqualTo("ES2002d");
		assertThat(meeting.transcript().speakers()).containsExactlyInAnyOrder("S1", "S2", "S3", "S4");
		assertThat(meeting.transcript().words()).hasSizeGreaterThan(5000);
		assertThat(meeting.abstractSentences()).isNotEmpty();
		assertThat(meeting.decisions()).hasSize(8);
		assertThat(meeting.actions()).isEmpty();
	}

}
