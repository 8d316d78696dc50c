package io.aigenda.diarization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.aigenda.contracts.SpeakerTurn;

/**
 * Overlap-aware reassignment: where the segmenter heard two people at once, the speaker
 * the turns already give keeps the stretch and a second turn goes to the nearest other
 * speaker in time (the heuristic of VBx and pyannote's overlap post-processing: in a
 * conversation, the one who talks over you is most often the one you just answered).
 */
final class OverlapAssigner {

	private OverlapAssigner() {
	}

	static List<SpeakerTurn> addSecondSpeakers(List<SpeakerTurn> turns, List<SpeakerSegmenter.Span> overlaps) {
		if (overlaps.isEmpty() || turns.isEmpty()) {
			return turns;
		}
		List<SpeakerTurn> result = new ArrayList<>(turns);
		for (SpeakerSegmenter.Span overlap : overlaps) {
			double middle = (overlap.start() + overlap.end()) / 2;
			String current = null;
			for (SpeakerTurn turn : turns) {
				if (turn.start() <= middle && middle < turn.end()) {
					current = turn.speaker();
				}
			}
			if (current == null) {
				continue;
			}
			String second = null;
			double nearest = Double.MAX_VALUE;
			for (SpeakerTurn turn : turns) {
				if (turn.speaker().equals(current)) {
					continue;
				}
				double gap = Math.max(0, Math.max(turn.start() - overlap.end(), overlap.start() - turn.end()));
				if (gap < nearest) {
					nearest = gap;
					second = turn.speaker();
				}
			}
			if (second != null) {
				result.add(new SpeakerTurn(overlap.start(), overlap.end(), second));
			}
		}
		return mergeSameSpeaker(result);
	}

	/**
	 * One speaker's overlapping turns become one, so nobody is counted twice at the same
	 * time.
	 */
	static List<SpeakerTurn> mergeSameSpeaker(List<SpeakerTurn> turns) {
		List<SpeakerTurn> sorted = new ArrayList<>(turns);
		sorted.sort(Comparator.comparing(SpeakerTurn::speaker).thenComparingDouble(SpeakerTurn::start));
		List<SpeakerTurn> merged = new ArrayList<>();
		for (SpeakerTurn turn : sorted) {
			SpeakerTurn last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && last.speaker().equals(turn.speaker()) && turn.start() <= last.end()) {
				merged.set(merged.size() - 1,
						new SpeakerTurn(last.start(), Math.max(last.end(), turn.end()), last.speaker()));
			}
			else {
				merged.add(turn);
			}
		}
		merged.sort(Comparator.comparingDouble(SpeakerTurn::start));
		return List.copyOf(merged);
	}

}
