package io.aigenda.llm.topics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CueTopicSegmenterTest {

	/** A Welsh Assembly committee meeting whose chair hands over by topic. */
	private static final Path COMMITTEE = Path.of(System.getProperty("aigenda.shared", "../../shared"),
			"eval-dev/summarization/qmsum/education_13.json");

	@Test
	void chairsHandOversBecomeBoundariesAndBeatNoBoundary() {
		SegmentedDocument meeting = SegmentedDocument.readQmsum(COMMITTEE);
		int n = meeting.utterances().size();
		List<Integer> boundaries = new CueTopicSegmenter(TopicOptions.defaults()).boundaries(meeting.utterances());

		assertThat(boundaries).isSorted().doesNotContain(0).hasSizeLessThanOrEqualTo(5);
		assertThat(boundaries).anySatisfy(b -> assertThat(meeting.reference()).contains(b));
		assertThat(SegmentationMetrics.pk(meeting.reference(), boundaries, n))
			.isLessThan(SegmentationMetrics.pk(meeting.reference(), List.of(), n));
		assertThat(SegmentationMetrics.windowDiff(meeting.reference(), boundaries, n))
			.isLessThan(SegmentationMetrics.windowDiff(meeting.reference(), List.of(), n));
	}

	@Test
	void withoutHandOverOnlyTheOpeningEnds() {
		SegmentedDocument meeting = SegmentedDocument.readQmsum(Meetings.QMSUM);
		List<Utterance> turns = meeting.utterances();
		List<Integer> boundaries = new CueTopicSegmenter(TopicOptions.defaults()).boundaries(turns);

		assertThat(turns).noneMatch(CueTopicSegmenter::handsOver);
		assertThat(boundaries).singleElement().satisfies(b -> {
			double share = (double) wordsBefore(turns, b) / wordsBefore(turns, turns.size());
			assertThat(share).isBetween(TopicOptions.DEFAULT_OPENING_SHARE, TopicOptions.DEFAULT_OPENING_SHARE + 0.04);
			assertThat(turns.get(b).speaker()).isNotEqualTo(turns.get(b - 1).speaker());
		});
		assertThat(new CueTopicSegmenter(TopicOptions.defaults().withShares(0, 0.05)).boundaries(turns)).isEmpty();
	}

	@Test
	void shortMeetingStaysOneTopic() {
		List<Utterance> meeting = Meetings.twoTopics(false, 6);

		assertThat(new CueTopicSegmenter(TopicOptions.defaults()).boundaries(meeting)).isEmpty();
	}

	@Test
	void handOverPhrasesInEnglishAndRussian() {
		assertThat(CueTopicSegmenter.handsOver(turn("Okay, thank you. We've got some questions now on funding.")))
			.isTrue();
		assertThat(CueTopicSegmenter.handsOver(turn("Так, спасибо. Перейдём к бюджету на следующий год."))).isTrue();
		assertThat(CueTopicSegmenter.handsOver(turn("Следующий вопрос: закупка оборудования."))).isTrue();
		assertThat(CueTopicSegmenter.handsOver(turn("I have a question about the budget now."))).isFalse();
		assertThat(CueTopicSegmenter.handsOver(turn("Мы обсудим это в следующий раз."))).isFalse();
	}

	@Test
	void handOversKeepTopicsApart() {
		List<Utterance> meeting = new ArrayList<>();
		String filler = "the budget for the project was discussed again in some detail by everyone here today";
		for (int i = 0; i < 200; i++) {
			String text = (i == 100 || i == 102) ? "Right, the next question is about hiring. " + filler : filler;
			meeting.add(Utterance.untimed(i % 2 == 0 ? "A" : "B", text));
		}
		List<Integer> boundaries = new CueTopicSegmenter(TopicOptions.defaults().withShares(0, 0.05))
			.boundaries(meeting);

		// the second hand-over is two turns after the first: too close for a topic
		assertThat(boundaries).containsExactly(100);
	}

	private static Utterance turn(String text) {
		return Utterance.untimed("A", text);
	}

	private static int wordsBefore(List<Utterance> turns, int index) {
		int words = 0;
		for (int i = 0; i < index; i++) {
			words += Math.max(1, turns.get(i).wordCount());
		}
		return words;
	}

}
