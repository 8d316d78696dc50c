package io.aigenda.mlcontroller.join;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.Word;
import io.aigenda.mlcontroller.PyannoteSample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptJoinerTest {

	@Test
	void wordGoesToTheTurnOverlappingItMost() {
		List<SpeakerTurn> turns = List.of(new SpeakerTurn(0, 2.2, "S1"), new SpeakerTurn(2.0, 5, "S2"));
		// 2.1..2.5 overlaps S1 by 0.1 s and S2 by 0.4 s.
		MeetingTranscript joined = join(
				List.of(word(0.5, 1.0, "hello"), word(2.1, 2.5, "there"), word(3.0, 3.4, "friend")), turns);

		assertThat(joined.words()).extracting(Word::speaker).containsExactly("S1", "S2", "S2");
	}

	@Test
	void equalOverlapGoesToTheTurnWhoseMiddleIsNearer() {
		// The word 1.0..2.0 lies in both turns entirely; S2's turn is centred on it.
		List<SpeakerTurn> turns = List.of(new SpeakerTurn(0, 10, "S1"), new SpeakerTurn(0.8, 2.2, "S2"));

		assertThat(join(List.of(word(1.0, 2.0, "both")), turns).words().get(0).speaker()).isEqualTo("S2");
	}

	@Test
	void completeTieGoesToTheEarlierTurnWhateverTheOrderGiven() {
		SpeakerTurn first = new SpeakerTurn(0, 2, "S1");
		SpeakerTurn second = new SpeakerTurn(1, 3, "S2");
		// 1.0..2.0: overlap 1 s with each, middles 1.0 and 2.0 are equally far from 1.5.
		Word word = word(1.0, 2.0, "tie");

		assertThat(join(List.of(word), List.of(first, second)).words().get(0).speaker()).isEqualTo("S1");
		assertThat(join(List.of(word), List.of(second, first)).words().get(0).speaker()).isEqualTo("S1");
	}

	@Test
	void wordInAGapTakesTheNearestTurn() {
		List<SpeakerTurn> turns = List.of(new SpeakerTurn(0, 1, "S1"), new SpeakerTurn(5, 6, "S2"));

		MeetingTranscript joined = join(
				List.of(word(1.5, 1.8, "near-first"), word(4.0, 4.6, "near-second"), word(9, 9.5, "after-all")), turns);

		assertThat(joined.words()).extracting(Word::speaker).containsExactly("S1", "S2", "S2");
	}

	@Test
	void zeroLengthWordInsideATurnTakesThatTurn() {
		List<SpeakerTurn> turns = List.of(new SpeakerTurn(0, 1, "S1"), new SpeakerTurn(1.5, 3, "S2"));

		assertThat(join(List.of(word(2.0, 2.0, "uh")), turns).words().get(0).speaker()).isEqualTo("S2");
	}

	@Test
	void noTurnsMeansOneSpeakerS1() {
		MeetingTranscript joined = join(List.of(word(0.2, 0.6, "only"), word(0.7, 1.1, "me")), List.of());

		assertThat(joined.words()).extracting(Word::speaker).containsOnly("S1");
		assertThat(joined.speakers()).containsExactly("S1");
		assertThat(joined.turns()).containsExactly(new SpeakerTurn(0, 11.0, "S1"));
	}

	@Test
	void silenceGivesNoWordsAndNoSpeakers() {
		MeetingTranscript joined = join(List.of(), List.of());

		assertThat(joined.words()).isEmpty();
		assertThat(joined.speakers()).isEmpty();
		assertThat(joined.durationSeconds()).isEqualTo(11.0);
	}

	@Test
	void keepsWordTextTimesAndConfidenceAndTheLanguageHeard() {
		Word word = new Word(0.25, 0.75, "привет", 0.42, null);
		TranscriptDocument transcript = new TranscriptDocument(Language.RU, 3.2, "vosk", List.of(word));
		DiarizationDocument diarization = new DiarizationDocument(3.3, "baseline", List.of("S1"),
				List.of(new SpeakerTurn(0, 3.2, "S1")));

		MeetingTranscript joined = TranscriptJoiner.join(transcript, diarization, Language.AUTO);

		assertThat(joined.words()).containsExactly(new Word(0.25, 0.75, "привет", 0.42, "S1"));
		assertThat(joined.language()).isEqualTo(Language.RU);
		assertThat(joined.durationSeconds()).isEqualTo(3.3);
	}

	@Test
	void fallsBackToTheRequestedLanguageWhenTheTranscriptHasNone() {
		TranscriptDocument transcript = new TranscriptDocument(null, 1, "vosk", List.of());

		assertThat(TranscriptJoiner.join(transcript, new DiarizationDocument(1, "x", List.of(), List.of()), Language.EN)
			.language()).isEqualTo(Language.EN);
	}

	@Test
	void attributesTheRealTwoSpeakerCallLikeItsReferenceTranscript() {
		MeetingTranscript joined = TranscriptJoiner.join(PyannoteSample.transcript(), PyannoteSample.diarization(),
				Language.EN);
		List<Word> reference = PyannoteSample.referenceWords();

		// Map each reference speaker name to the diarization label most of its words got.
		Map<String, Map<String, Integer>> votes = new HashMap<>();
		for (int i = 0; i < reference.size(); i++) {
			votes.computeIfAbsent(reference.get(i).speaker(), (name) -> new HashMap<>())
				.merge(joined.words().get(i).speaker(), 1, Integer::sum);
		}
		Map<String, String> label = new HashMap<>();
		votes.forEach((name, counts) -> label.put(name,
				counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
		int agreeing = 0;
		for (int i = 0; i < reference.size(); i++) {
			if (label.get(reference.get(i).speaker()).equals(joined.words().get(i).speaker())) {
				agreeing++;
			}
		}

		assertThat(label).containsEntry("Diane", "speaker90").containsEntry("Sheila", "speaker91");
		assertThat(joined.speakers()).containsExactly("speaker90", "speaker91");
		assertThat((double) agreeing / reference.size()).isGreaterThan(0.9);
	}

	private static MeetingTranscript join(List<Word> words, List<SpeakerTurn> turns) {
		return TranscriptJoiner.join(new TranscriptDocument(Language.EN, 11.0, "test", words),
				new DiarizationDocument(11.0, "test", List.of(), turns), Language.EN);
	}

	private static Word word(double start, double end, String text) {
		return new Word(start, end, text, 0.9, null);
	}

}
