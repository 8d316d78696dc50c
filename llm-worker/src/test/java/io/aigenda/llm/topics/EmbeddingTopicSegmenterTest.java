package io.aigenda.llm.topics;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The real all-MiniLM-L6-v2 (quantised) encoder from Maven Central. */
class EmbeddingTopicSegmenterTest {

	private static SentenceEncoder encoder;

	@BeforeAll
	static void load() {
		encoder = OnnxSentenceEncoder.builtIn();
	}

	@AfterAll
	static void close() {
		encoder.close();
	}

	@Test
	void encoderPutsParaphrasesCloserThanUnrelatedSentences() {
		List<float[]> vectors = encoder.encode(List.of("The invoice from the supplier is late.",
				"The vendor has not sent the bill yet.", "Make the settings icon larger on the login screen."));
		double[][] v = new double[3][];
		for (int i = 0; i < 3; i++) {
			v[i] = new double[vectors.get(i).length];
			for (int d = 0; d < v[i].length; d++) {
				v[i][d] = vectors.get(i)[d];
			}
		}
		assertThat(v[0]).hasSize(384);
		assertThat(EmbeddingTopicSegmenter.cosine(v[0], v[1]))
			.isGreaterThan(EmbeddingTopicSegmenter.cosine(v[0], v[2]));
	}

	@Test
	void findsTheChangeOfSubject() {
		List<Utterance> meeting = Meetings.twoTopics(false, 12);
		List<Integer> boundaries = new EmbeddingTopicSegmenter(encoder, Meetings.small("embedding"))
			.boundaries(meeting);

		// smoothing may move the cut by one turn
		assertThat(boundaries).singleElement().satisfies(b -> assertThat(b).isBetween(11, 13));
	}

	@Test
	void qmsumMeetingBoundaryNearTheReference() {
		SegmentedDocument meeting = SegmentedDocument.readQmsum(Meetings.QMSUM);
		List<Integer> boundaries = new EmbeddingTopicSegmenter(encoder, TopicOptions.defaults().uncalibrated())
			.boundaries(meeting.utterances());
		List<Integer> calibrated = new EmbeddingTopicSegmenter(encoder, TopicOptions.defaults())
			.boundaries(meeting.utterances());

		assertThat(boundaries).anySatisfy(b -> assertThat(b).isBetween(121, 141));
		// the calibrated count: 2 to 6 topics, as AMI meetings have
		assertThat(calibrated).hasSizeBetween(1, TopicOptions.defaults().maxTopics() - 1);
	}

	@Test
	void russianMeetingGoesToTheLexicalSegmenterWithTheEnglishEncoder() {
		TopicSegmenter segmenter = TopicSegmenters.create(Meetings.small("embedding"));
		List<Utterance> meeting = Meetings.twoTopics(true, 12);

		assertThat(segmenter.boundaries(meeting))
			.isEqualTo(new LexicalTopicSegmenter(Meetings.small("lexical")).boundaries(meeting));
	}

	@Test
	void encoderFolderWithoutModelIsRefusedAndUnknownSegmenterToo() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OnnxSentenceEncoder.fromFolder(java.nio.file.Path.of("target"), ""))
			.withMessageContaining("model.onnx");
		TopicOptions missing = new TopicOptions("embedding", "target/no-such-model", "", 60, 1, 0.5, 80, 0, 10, 0, 1,
				0.08, 0.05);
		assertThat(TopicSegmenters.create(missing).name()).isEqualTo("lexical");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TopicSegmenters.create(TopicOptions.defaults().withSegmenter("magic")))
			.withMessageContaining("magic");
	}

}
