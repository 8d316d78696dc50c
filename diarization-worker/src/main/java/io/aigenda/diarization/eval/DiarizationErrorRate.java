package io.aigenda.diarization.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.aigenda.contracts.SpeakerTurn;

/**
 * Diarization error rate as NIST md-eval scores it: within the scored region (the UEM, or
 * the span of all turns), minus a no-score collar around every reference turn boundary,
 * each moment contributes missed speech max(0, Nref - Nhyp), false alarm max(0, Nhyp -
 * Nref) and confusion min(Nref, Nhyp) - Ncorrect, where Ncorrect counts reference
 * speakers whose mapped hypothesis speaker is also talking. Overlapped reference speech
 * is scored, once per speaker. The one-to-one speaker mapping maximises the total overlap
 * (Hungarian algorithm).
 */
public final class DiarizationErrorRate {

	public static final double DEFAULT_COLLAR = 0.25;

	private final double collar;

	public DiarizationErrorRate() {
		this(DEFAULT_COLLAR);
	}

	/**
	 * @param collar seconds on each side of a reference boundary that are not scored
	 */
	public DiarizationErrorRate(double collar) {
		this.collar = collar;
	}

	/**
	 * @param uem scored spans, or {@code null} to score from the first to the last turn
	 */
	public DerResult compute(List<SpeakerTurn> reference, List<SpeakerTurn> hypothesis, List<TimeSpan> uem) {
		Map<String, List<TimeSpan>> ref = bySpeaker(reference);
		Map<String, List<TimeSpan>> hyp = bySpeaker(hypothesis);
		List<TimeSpan> scoring = scoringRegion(ref, hyp, uem);
		List<String> refSpeakers = new ArrayList<>(ref.keySet());
		List<String> hypSpeakers = new ArrayList<>(hyp.keySet());

		TreeSet<Double> cuts = new TreeSet<>();
		ref.values().forEach(spans -> spans.forEach(s -> {
			cuts.add(s.start());
			cuts.add(s.end());
		}));
		hyp.values().forEach(spans -> spans.forEach(s -> {
			cuts.add(s.start());
			cuts.add(s.end());
		}));
		scoring.forEach(s -> {
			cuts.add(s.start());
			cuts.add(s.end());
		});

		double scored = 0;
		double missed = 0;
		double falseAlarm = 0;
		double[][] overlap = new double[refSpeakers.size()][hypSpeakers.size()];
		List<Piece> pieces = new ArrayList<>();
		Double previous = null;
		for (double cut : cuts) {
			if (previous != null && cut > previous) {
				double mid = (previous + cut) / 2;
				if (inside(scoring, mid)) {
					double d = cut - previous;
					int[] activeRef = active(ref, refSpeakers, mid);
					int[] activeHyp = active(hyp, hypSpeakers, mid);
					scored += d * activeRef.length;
					missed += d * Math.max(0, activeRef.length - activeHyp.length);
					falseAlarm += d * Math.max(0, activeHyp.length - activeRef.length);
					for (int r : activeRef) {
						for (int h : activeHyp) {
							overlap[r][h] += d;
						}
					}
					pieces.add(new Piece(d, activeRef, activeHyp));
				}
			}
			previous = cut;
		}
		int[] map = Hungarian.maximise(overlap);
		double confusion = 0;
		for (Piece piece : pieces) {
			int correct = 0;
			for (int r : piece.ref()) {
				int h = map[r];
				if (h >= 0 && Arrays.stream(piece.hyp()).anyMatch(x -> x == h)) {
					correct++;
				}
			}
			confusion += piece.duration() * (Math.min(piece.ref().length, piece.hyp().length) - correct);
		}
		Map<String, String> mapping = new LinkedHashMap<>();
		for (int r = 0; r < refSpeakers.size(); r++) {
			if (map[r] >= 0) {
				mapping.put(refSpeakers.get(r), hypSpeakers.get(map[r]));
			}
		}
		return new DerResult(scored, missed, falseAlarm, confusion, mapping);
	}

	private record Piece(double duration, int[] ref, int[] hyp) {
	}

	/**
	 * The UEM (or the span of all turns) without the collars around reference boundaries.
	 */
	private List<TimeSpan> scoringRegion(Map<String, List<TimeSpan>> ref, Map<String, List<TimeSpan>> hyp,
			List<TimeSpan> uem) {
		List<TimeSpan> region = region(ref, hyp, uem);
		if (this.collar <= 0) {
			return region;
		}
		List<TimeSpan> collars = new ArrayList<>();
		ref.values().forEach(spans -> spans.forEach(s -> {
			collars.add(new TimeSpan(s.start() - this.collar, s.start() + this.collar));
			collars.add(new TimeSpan(s.end() - this.collar, s.end() + this.collar));
		}));
		return subtract(region, union(collars));
	}

	/**
	 * The UEM, or without one the span from the first to the last turn of either side.
	 */
	static List<TimeSpan> region(Map<String, List<TimeSpan>> ref, Map<String, List<TimeSpan>> hyp, List<TimeSpan> uem) {
		if (uem != null && !uem.isEmpty()) {
			return union(uem);
		}
		double start = Double.MAX_VALUE;
		double end = -Double.MAX_VALUE;
		for (Map<String, List<TimeSpan>> side : List.of(ref, hyp)) {
			for (List<TimeSpan> spans : side.values()) {
				for (TimeSpan s : spans) {
					start = Math.min(start, s.start());
					end = Math.max(end, s.end());
				}
			}
		}
		return start < end ? List.of(new TimeSpan(start, end)) : List.of();
	}

	/**
	 * Each speaker's turns merged, so a speaker with overlapping turns is counted once.
	 */
	static Map<String, List<TimeSpan>> bySpeaker(List<SpeakerTurn> turns) {
		Map<String, List<TimeSpan>> raw = new LinkedHashMap<>();
		for (SpeakerTurn turn : turns) {
			if (turn.end() > turn.start()) {
				raw.computeIfAbsent(turn.speaker(), k -> new ArrayList<>()).add(new TimeSpan(turn.start(), turn.end()));
			}
		}
		Map<String, List<TimeSpan>> merged = new LinkedHashMap<>();
		raw.forEach((speaker, spans) -> merged.put(speaker, union(spans)));
		return merged;
	}

	static List<TimeSpan> union(List<TimeSpan> spans) {
		List<TimeSpan> sorted = new ArrayList<>(spans);
		sorted.sort(Comparator.comparingDouble(TimeSpan::start));
		List<TimeSpan> result = new ArrayList<>();
		for (TimeSpan s : sorted) {
			if (!result.isEmpty() && s.start() <= result.get(result.size() - 1).end()) {
				TimeSpan last = result.remove(result.size() - 1);
				result.add(new TimeSpan(last.start(), Math.max(last.end(), s.end())));
			}
			else {
				result.add(s);
			}
		}
		return result;
	}

	/** {@code region} minus {@code holes}; both sorted and disjoint. */
	static List<TimeSpan> subtract(List<TimeSpan> region, List<TimeSpan> holes) {
		List<TimeSpan> result = new ArrayList<>();
		for (TimeSpan span : region) {
			double start = span.start();
			for (TimeSpan hole : holes) {
				if (hole.end() <= start || hole.start() >= span.end()) {
					continue;
				}
				if (hole.start() > start) {
					result.add(new TimeSpan(start, hole.start()));
				}
				start = Math.max(start, hole.end());
			}
			if (start < span.end()) {
				result.add(new TimeSpan(start, span.end()));
			}
		}
		return result;
	}

	private static boolean inside(List<TimeSpan> spans, double t) {
		for (TimeSpan s : spans) {
			if (t >= s.start() && t < s.end()) {
				return true;
			}
		}
		return false;
	}

	private static int[] active(Map<String, List<TimeSpan>> side, List<String> speakers, double t) {
		List<Integer> active = new ArrayList<>();
		for (int i = 0; i < speakers.size(); i++) {
			if (inside(side.get(speakers.get(i)), t)) {
				active.add(i);
			}
		}
		return active.stream().mapToInt(Integer::intValue).toArray();
	}

}
