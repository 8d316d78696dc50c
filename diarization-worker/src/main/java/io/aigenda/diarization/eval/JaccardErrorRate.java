package io.aigenda.diarization.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aigenda.contracts.SpeakerTurn;

/**
 * Jaccard error rate as dscore (DIHARD II) scores it: each reference speaker is mapped
 * one to one onto the hypothesis speaker that minimises the total of 1 - |intersection| /
 * |union| of their speech (Hungarian algorithm); a reference speaker's error is that
 * value, or 1 when no hypothesis speaker is left for it; JER is the mean over reference
 * speakers. Unlike DER it weighs every speaker alike, so a quiet speaker merged into a
 * talkative one costs as much as the talker. Scored within the UEM (or the span of all
 * turns) and, as in dscore, without a collar.
 */
public final class JaccardErrorRate {

	public JerResult compute(List<SpeakerTurn> reference, List<SpeakerTurn> hypothesis, List<TimeSpan> uem) {
		Map<String, List<TimeSpan>> ref = DiarizationErrorRate.bySpeaker(reference);
		Map<String, List<TimeSpan>> hyp = DiarizationErrorRate.bySpeaker(hypothesis);
		List<TimeSpan> region = DiarizationErrorRate.region(ref, hyp, uem);
		ref.replaceAll((speaker, spans) -> intersect(spans, region));
		hyp.replaceAll((speaker, spans) -> intersect(spans, region));
		ref.values().removeIf(List::isEmpty);
		hyp.values().removeIf(List::isEmpty);
		List<String> refSpeakers = new ArrayList<>(ref.keySet());
		List<String> hypSpeakers = new ArrayList<>(hyp.keySet());
		double[][] jaccard = new double[refSpeakers.size()][hypSpeakers.size()];
		for (int r = 0; r < refSpeakers.size(); r++) {
			List<TimeSpan> a = ref.get(refSpeakers.get(r));
			for (int h = 0; h < hypSpeakers.size(); h++) {
				List<TimeSpan> b = hyp.get(hypSpeakers.get(h));
				double common = duration(intersect(a, b));
				jaccard[r][h] = common / (duration(a) + duration(b) - common);
			}
		}
		// Minimising the sum of 1 - J over a full assignment is maximising the sum of J.
		int[] map = Hungarian.maximise(jaccard);
		List<Double> errors = new ArrayList<>();
		Map<String, String> mapping = new LinkedHashMap<>();
		for (int r = 0; r < refSpeakers.size(); r++) {
			boolean mapped = map[r] >= 0;
			errors.add(mapped ? 1 - jaccard[r][map[r]] : 1.0);
			if (mapped) {
				mapping.put(refSpeakers.get(r), hypSpeakers.get(map[r]));
			}
		}
		return new JerResult(errors, mapping);
	}

	/** Both sorted and disjoint. */
	static List<TimeSpan> intersect(List<TimeSpan> a, List<TimeSpan> b) {
		List<TimeSpan> result = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			double start = Math.max(a.get(i).start(), b.get(j).start());
			double end = Math.min(a.get(i).end(), b.get(j).end());
			if (start < end) {
				result.add(new TimeSpan(start, end));
			}
			if (a.get(i).end() < b.get(j).end()) {
				i++;
			}
			else {
				j++;
			}
		}
		return result;
	}

	private static double duration(List<TimeSpan> spans) {
		return spans.stream().mapToDouble(TimeSpan::duration).sum();
	}

}
