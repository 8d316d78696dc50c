package io.aigenda.llm.topics;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LexicalTopicSegmenterTest {

	@Test
	void russianAndEnglishWordsAreStemmedAndFillersDropped() {
		try (Analyzer ru = LexicalTopicSegmenter.analyzer(true); Analyzer en = LexicalTopicSegmenter.analyzer(false)) {
			assertThat(LexicalTopicSegmenter.terms(ru, "ну вот бюджета бюджету")).containsExactly("бюджет", "бюджет");
			assertThat(LexicalTopicSegmenter.terms(en, "yeah so the invoices invoice")).containsExactly("invoic",
					"invoic");
		}
	}

	@Test
	void findsTheChangeOfSubjectInEnglish() {
		List<Utterance> meeting = Meetings.twoTopics(false, 12);
		List<Integer> boundaries = new LexicalTopicSegmenter(Meetings.small("lexical")).boundaries(meeting);

		// smoothing may move the cut by one turn
		assertThat(boundaries).singleElement().satisfies(b -> assertThat(b).isBetween(11, 13));
		assertThat(SegmentationMetrics.pk(List.of(12), boundaries, meeting.size())).isLessThan(0.2);
	}

	@Test
	void findsTheChangeOfSubjectInRussian() {
		List<Utterance> meeting = Meetings.twoTopics(true, 12);
		List<Integer> boundaries = new LexicalTopicSegmenter(Meetings.small("lexical")).boundaries(meeting);

		// smoothing may move the cut by one turn
		assertThat(boundaries).singleElement().satisfies(b -> assertThat(b).isBetween(11, 13));
	}

	@Test
	void qmsumMeetingBoundaryNearTheReference() {
		SegmentedDocument meeting = SegmentedDocument.readQmsum(Meetings.QMSUM);
		List<Integer> boundaries = new LexicalTopicSegmenter(TopicOptions.defaults().uncalibrated())
			.boundaries(meeting.utterances());

		// the reference's second topic starts at turn 131
		assertThat(boundaries).anySatisfy(b -> assertThat(b).isBetween(121, 141));
	}

	@Test
	void calibratedCountGivesAFewTopicsPerMeeting() {
		SegmentedDocument meeting = SegmentedDocument.readQmsum(Meetings.QMSUM);
		List<Integer> uncalibrated = new LexicalTopicSegmenter(TopicOptions.defaults().uncalibrated())
			.boundaries(meeting.utterances());
		List<Integer> calibrated = new LexicalTopicSegmenter(TopicOptions.defaults()).boundaries(meeting.utterances());

		// AMI meetings have 2 to 6 topics; the depth cut-off alone finds more
		assertThat(calibrated).hasSizeBetween(1, 5).hasSizeLessThanOrEqualTo(uncalibrated.size());
	}

}
