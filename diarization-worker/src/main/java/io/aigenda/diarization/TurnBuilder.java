package io.aigenda.diarization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.contracts.SpeakerTurn;

/**
 * Turns labelled windows into speaker turns: each 10 ms of speech takes the majority
 * label of the windows covering it (the nearest window centre breaks ties), adjacent
 * same-speaker pieces are merged, and pieces shorter than the minimum turn wedged against
 * other speech are given to the longer neighbour. Speakers are renamed {@code S1},
 * {@code S2}... in order of first appearance.
 */
class TurnBuilder {

	private static final double STEP = 0.01;

	private final DiarizationProperties.Turns options;

	TurnBuilder(DiarizationProperties.Turns options) {
		this.options = options;
	}

	List<SpeakerTurn> build(List<SpeakerSegmenter.Window> windows, int[] labels) {
		Map<String, List<Integer>> regions = new LinkedHashMap<>();
		for (int i = 0; i < windows.size(); i++) {
			SpeakerSegmenter.Window w = windows.get(i);
			regions.computeIfAbsent(w.regionStart() + ":" + w.regionEnd(), k -> new ArrayList<>()).add(i);
		}
		List<Piece> pieces = new ArrayList<>();
		for (List<Integer> members : regions.values()) {
			SpeakerSegmenter.Window first = windows.get(members.get(0));
			int frames = Math.max(1, (int) Math.round((first.regionEnd() - first.regionStart()) / STEP));
			int current = -1;
			double pieceStart = first.regionStart();
			for (int f = 0; f < frames; f++) {
				double t = first.regionStart() + (f + 0.5) * STEP;
				int label = vote(windows, labels, members, t);
				if (label != current) {
					if (current >= 0) {
						pieces.add(new Piece(pieceStart, first.regionStart() + f * STEP, current));
					}
					current = label;
					pieceStart = first.regionStart() + f * STEP;
				}
			}
			pieces.add(new Piece(pieceStart, first.regionEnd(), current));
		}
		pieces.sort(Comparator.comparingDouble(Piece::start));
		smooth(pieces);
		return rename(merge(pieces));
	}

	private static int vote(List<SpeakerSegmenter.Window> windows, int[] labels, List<Integer> members, double t) {
		Map<Integer, Integer> counts = new HashMap<>();
		int best = -1;
		int bestCount = 0;
		double bestDistance = Double.MAX_VALUE;
		for (int i : members) {
			SpeakerSegmenter.Window w = windows.get(i);
			if (t >= w.start() && t <= w.end()) {
				counts.merge(labels[i], 1, Integer::sum);
			}
		}
		for (int i : members) {
			SpeakerSegmenter.Window w = windows.get(i);
			int count = counts.getOrDefault(labels[i], 0);
			double distance = Math.abs(w.center() - t);
			if (count > bestCount || (count == bestCount && distance < bestDistance)) {
				best = labels[i];
				bestCount = count;
				bestDistance = distance;
			}
		}
		return best;
	}

	private void smooth(List<Piece> pieces) {
		boolean changed = true;
		while (changed) {
			changed = false;
			int shortest = -1;
			for (int i = 0; i < pieces.size(); i++) {
				Piece p = pieces.get(i);
				if (p.duration() < this.options.minTurnSeconds() && neighbour(pieces, i) >= 0
						&& (shortest < 0 || p.duration() < pieces.get(shortest).duration())) {
					shortest = i;
				}
			}
			if (shortest >= 0) {
				Piece p = pieces.get(shortest);
				pieces.set(shortest, new Piece(p.start(), p.end(), pieces.get(neighbour(pieces, shortest)).label()));
				List<Piece> merged = merge(pieces);
				pieces.clear();
				pieces.addAll(merged);
				changed = true;
			}
		}
	}

	/**
	 * The longer adjacent piece of another speaker, or -1 when the piece stands alone.
	 */
	private int neighbour(List<Piece> pieces, int i) {
		Piece p = pieces.get(i);
		int best = -1;
		if (i > 0 && p.start() - pieces.get(i - 1).end() <= this.options.mergeGapSeconds()
				&& pieces.get(i - 1).label() != p.label()) {
			best = i - 1;
		}
		if (i + 1 < pieces.size() && pieces.get(i + 1).start() - p.end() <= this.options.mergeGapSeconds()
				&& pieces.get(i + 1).label() != p.label()
				&& (best < 0 || pieces.get(i + 1).duration() > pieces.get(best).duration())) {
			best = i + 1;
		}
		return best;
	}

	private List<Piece> merge(List<Piece> pieces) {
		List<Piece> merged = new ArrayList<>();
		for (Piece p : pieces) {
			Piece last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && last.label() == p.label() && p.start() - last.end() <= this.options.mergeGapSeconds()) {
				merged.set(merged.size() - 1, new Piece(last.start(), Math.max(last.end(), p.end()), p.label()));
			}
			else {
				merged.add(p);
			}
		}
		return merged;
	}

	private static List<SpeakerTurn> rename(List<Piece> pieces) {
		Map<Integer, String> names = new HashMap<>();
		List<SpeakerTurn> turns = new ArrayList<>();
		for (Piece p : pieces) {
			String name = names.computeIfAbsent(p.label(), k -> "S" + (names.size() + 1));
			turns.add(new SpeakerTurn(round(p.start()), round(p.end()), name));
		}
		return turns;
	}

	private static double round(double seconds) {
		return Math.round(seconds * 1000) / 1000.0;
	}

	record Piece(double start, double end, int label) {

		double duration() {
			return this.end - this.start;
		}

	}

}
