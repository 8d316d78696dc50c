package io.aigenda.mlcontroller.join;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.Word;

/**
 * Joins what the ASR heard with who diarization says spoke: each word goes to the speaker
 * turn that overlaps it most, and a change of speaker ends a sentence in the readable
 * form ({@link TurnSentences}). Pure logic, no I/O.
 */
public final class TranscriptJoiner {

	/** The one speaker of a recording that diarization found no turns in. */
	public static final String SINGLE_SPEAKER = "S1";

	private static final double EPSILON = 1e-9;

	private TranscriptJoiner() {
	}

	/**
	 * @param requested the meeting's requested language; the joined transcript is in the
	 * one speech recognition heard when it says so ({@link Language#decide})
	 */
	public static MeetingTranscript join(TranscriptDocument transcript, DiarizationDocument diarization,
			Language requested) {
		List<Word> words = (transcript.words() != null) ? transcript.words() : List.of();
		List<SpeakerTurn> turns = (diarization.turns() != null) ? diarization.turns() : List.of();
		turns = turns.stream()
			.filter((turn) -> turn.speaker() != null && !turn.speaker().isBlank())
			.sorted(Comparator.comparingDouble(SpeakerTurn::start).thenComparingDouble(SpeakerTurn::end))
			.toList();
		double duration = Math.max(transcript.durationSeconds(), diarization.durationSeconds());
		Language language = Language.decide(transcript.language(), requested);
		if (turns.isEmpty()) {
			return singleSpeaker(language, duration, words);
		}
		List<Word> attributed = new ArrayList<>(words.size());
		for (Word word : words) {
			attributed.add(word.withSpeaker(speakerOf(word, turns)));
		}
		return new MeetingTranscript(language, duration, speakers(diarization, turns),
				TurnSentences.endAtTurns(attributed, language), turns);
	}

	/**
	 * The speaker whose turn overlaps the word most. Equal overlaps go to the turn whose
	 * middle is nearest the word's middle (the word sits inside that turn more than
	 * inside the other), and then to the earlier turn, so the result never depends on
	 * hash order. A word overlapping no turn (a gap, or a zero-length word) takes the
	 * nearest turn.
	 */
	static String speakerOf(Word word, List<SpeakerTurn> turns) {
		double start = Math.min(word.start(), word.end());
		double end = Math.max(word.start(), word.end());
		double middle = (start + end) / 2;
		SpeakerTurn best = null;
		double bestOverlap = 0;
		double bestCentreDistance = Double.MAX_VALUE;
		for (SpeakerTurn turn : turns) {
			double overlap = turn.overlap(start, end);
			if (overlap <= EPSILON) {
				continue;
			}
			double centreDistance = Math.abs((turn.start() + turn.end()) / 2 - middle);
			if (best == null || overlap > bestOverlap + EPSILON
					|| (Math.abs(overlap - bestOverlap) <= EPSILON && centreDistance < bestCentreDistance - EPSILON)) {
				best = turn;
				bestOverlap = overlap;
				bestCentreDistance = centreDistance;
			}
		}
		return (best != null) ? best.speaker() : nearest(start, end, turns).speaker();
	}

	private static SpeakerTurn nearest(double start, double end, List<SpeakerTurn> turns) {
		SpeakerTurn best = turns.get(0);
		double bestGap = Double.MAX_VALUE;
		for (SpeakerTurn turn : turns) {
			double gap = Math.max(0, Math.max(turn.start() - end, start - turn.end()));
			if (gap < bestGap - EPSILON) {
				best = turn;
				bestGap = gap;
			}
		}
		return best;
	}

	/**
	 * The diarization's own speaker list when it gave one, else speakers in order of
	 * first turn.
	 */
	private static List<String> speakers(DiarizationDocument diarization, List<SpeakerTurn> turns) {
		Set<String> speakers = new LinkedHashSet<>();
		if (diarization.speakers() != null) {
			speakers.addAll(diarization.speakers());
		}
		turns.forEach((turn) -> speakers.add(turn.speaker()));
		return List.copyOf(speakers);
	}

	private static MeetingTranscript singleSpeaker(Language language, double duration, List<Word> words) {
		if (words.isEmpty()) {
			// Nothing was said and nobody was heard: no speakers at all, not an invented
			// one.
			return new MeetingTranscript(language, duration, List.of(), List.of(), List.of());
		}
		double end = Math.max(duration, words.stream().mapToDouble(Word::end).max().orElse(0));
		List<Word> attributed = words.stream().map((word) -> word.withSpeaker(SINGLE_SPEAKER)).toList();
		return new MeetingTranscript(language, duration, List.of(SINGLE_SPEAKER), attributed,
				List.of(new SpeakerTurn(0, end, SINGLE_SPEAKER)));
	}

}
