package io.aigenda.llm.eval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.llm.extractive.ExtractiveMinutesWriter;
import io.aigenda.llm.extractive.SummaryWeights;
import io.aigenda.llm.minutes.LlmProperties;
import io.aigenda.llm.minutes.MinutesWriter;
import io.aigenda.llm.topics.CueTopicSegmenter;
import io.aigenda.llm.topics.TopicOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SummaryCrossValidationTest {

	private static final Path DIALOGSUM = Path.of(System.getProperty("aigenda.shared", "../../shared"),
			"eval-dev/summarization/dialogsum/dialogsum.test.jsonl");

	/** Twelve real DialogSum dialogues in two sets of six. */
	private static List<SummaryReference> references() {
		List<SummaryReference> all = SummaryReference.readDialogSum(DIALOGSUM).subList(0, 12);
		List<SummaryReference> two = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			SummaryReference r = all.get(i);
			two.add(new SummaryReference(i < 6 ? "first" : "second", r.id(), r.transcript(), r.summaries(),
					r.decisions(), r.actions()));
		}
		return two;
	}

	private static MinutesWriter writer(SummaryWeights weights) {
		return new ExtractiveMinutesWriter(LlmProperties.Extractive.defaults(),
				new CueTopicSegmenter(TopicOptions.defaults()), null, ExtractiveMinutesWriter.BUDGET_SCALE, weights);
	}

	@Test
	void withOneChoiceTheHeldOutFiguresAreThoseOfTheWriter() {
		List<SummaryReference> references = references();
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		PrintStream console = new PrintStream(text, true, StandardCharsets.UTF_8);

		MinutesEvaluation.Result plain = MinutesEvaluation.run(references, writer(SummaryWeights.DEFAULT),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), null);
		MinutesEvaluation.Result held = MinutesEvaluation.crossValidated(references, List.of(SummaryWeights.DEFAULT),
				SummaryCrossValidationTest::writer, console);

		for (int m = 0; m < 3; m++) {
			assertThat(held.writer()[m]).isCloseTo(plain.writer()[m], within(1e-9));
			assertThat(held.lead()[m]).isCloseTo(plain.lead()[m], within(1e-9));
			assertThat(held.tfidf()[m]).isCloseTo(plain.tfidf()[m], within(1e-9));
		}
		assertThat(text.toString(StandardCharsets.UTF_8)).contains("first         held out", "second        lead-N",
				"overall       tf-idf", "(mean over 2 sets)");
	}

	@Test
	void eachReferenceIsScoredWithWeightsChosenOnTheOthers() {
		List<SummaryReference> references = references();
		List<SummaryWeights> grid = List.of(SummaryWeights.DEFAULT, new SummaryWeights(0, 0, 0.3));
		ByteArrayOutputStream text = new ByteArrayOutputStream();

		MinutesEvaluation.Result held = MinutesEvaluation.crossValidated(references, grid,
				SummaryCrossValidationTest::writer, new PrintStream(text, true, StandardCharsets.UTF_8));

		// per reference, the held-out score is that of one of the weights tried
		double[][] low = new double[2][];
		double[][] high = new double[2][];
		for (int set = 0; set < 2; set++) {
			low[set] = new double[] { 0 };
			high[set] = new double[] { 0 };
			for (SummaryReference reference : references.subList(6 * set, 6 * set + 6)) {
				double min = Double.MAX_VALUE;
				double max = -1;
				for (SummaryWeights weights : grid) {
					double[] s = MinutesEvaluation.score(writer(weights).write(reference.transcript()).summary(),
							reference.summaries());
					min = Math.min(min, s[0] + s[1] + s[2]);
					max = Math.max(max, s[0] + s[1] + s[2]);
				}
				low[set][0] += min / 6;
				high[set][0] += max / 6;
			}
		}
		double sum = held.writer()[0] + held.writer()[1] + held.writer()[2];
		assertThat(sum).isBetween((low[0][0] + low[1][0]) / 2 - 1e-9, (high[0][0] + high[1][0]) / 2 + 1e-9);
		assertThat(text.toString(StandardCharsets.UTF_8)).contains("weights chosen per held-out reference:",
				"on all references: position");
	}

}
